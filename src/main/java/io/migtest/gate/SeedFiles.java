package io.migtest.gate;

import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.migration.SourceText;
import io.migtest.migration.WorkingTreeFolder;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The data gate's seed files, run in order on the state before the new migrations, each statement
 * by statement as the apply gate runs a script. Read from the project as the migrations are: a link
 * that leads out of it is refused.
 */
final class SeedFiles {
  private SeedFiles() {}

  /** Runs the files; the first failure, at its file and line. */
  static Optional<Finding> run(GateContext context, ScratchDatabase db, DataSettings settings)
      throws SQLException {
    WorkingTreeFolder project = new WorkingTreeFolder(settings.project(), settings.project());
    for (String file : settings.seedFiles()) {
      SqlScript script =
          SourceText.toScript(
              file, SourceText.read(project, file), TransactionMode.SINGLE_TRANSACTION);
      Optional<Finding> failure = context.database().run(db, script);
      if (failure.isPresent()) {
        Finding f = failure.get();
        return Optional.of(
            f.restated(
                RuleId.SEED_FILE_FAILED,
                f.severity(),
                "The seed file does not run on the state before the new migrations, so the"
                    + " data gate has nothing to check: "
                    + f.message()));
      }
    }
    return Optional.empty();
  }
}

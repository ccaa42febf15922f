package io.migtest.app;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.gate.Progress;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.Version;
import io.migtest.schema.SchemaSnapshot;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code migtest snapshot}: the schema the project's migrations build, read from a scratch database
 * they were applied to as their tool applies them (setup scripts first, the tool's history table
 * left out of the snapshot).
 */
public final class SnapshotService {
  private SnapshotService() {}

  /**
   * The schema after every migration, or after the one whose version is {@code upTo} (null: all).
   *
   * @throws MigtestException exit 2 for a version the history does not have, exit 1 when a
   *     migration fails (naming its file, line and the server's message)
   */
  public static SchemaSnapshot take(Config config, String upTo, Progress progress) {
    MigrationHistory history = ProjectLoader.load(config).head();
    return take(config, history, prefix(history, upTo), progress);
  }

  /**
   * The schema that the migrations of git ref {@code config.base()} build, read from that commit as
   * {@code --base} reads the base branch (setup scripts and callbacks of the working tree).
   */
  public static SchemaSnapshot takeAtBase(Config config, Progress progress) {
    MigrationHistory history = ProjectLoader.load(config).base();
    if (history.migrations().isEmpty()) {
      throw MigtestException.usage(
          "There are no "
              + history.layout().name()
              + " migrations in "
              + history.directory()
              + " at "
              + config.base()
              + ", so there is no schema to snapshot there.");
    }
    return take(config, history, history.migrations(), progress);
  }

  private static SchemaSnapshot take(
      Config config, MigrationHistory history, List<Migration> migrations, Progress progress) {
    Set<String> ignored =
        history.layout().historyTable().map(t -> Set.of(t.tableName())).orElse(Set.of());
    try (ServerStart start = new ServerStart(DatabaseProviders.choose(config));
        LazyDatabase database =
            new LazyDatabase(
                start,
                config.timeouts(),
                history.layout().sessionSql(config.initSql()),
                config.environment(),
                new RunLimit(config.runTimeout()),
                progress);
        HistoryApplier applier =
            new HistoryApplier(
                database::server,
                database::runner,
                history.layout().historyTable().orElse(null),
                history.layout().sessionScope(),
                SetupScripts.load(config))) {
      HistoryApplier.State state = applier.after(migrations, history.callbacks(), "snapshot");
      if (state instanceof HistoryApplier.Failed failed) {
        Finding f = failed.failure();
        throw new MigtestException(
            ExitCode.GATE_FAILED,
            "The migrations do not apply, so there is no schema to snapshot: "
                + f.location()
                + ": "
                + f.message());
      }
      try (ScratchDatabase db = ((HistoryApplier.Ready) state).database();
          Connection connection = db.connect()) {
        return SchemaSnapshot.read(connection, ignored);
      } catch (SQLException e) {
        throw MigtestException.environment("Cannot read the schema: " + e.getMessage(), e);
      }
    }
  }

  private static List<Migration> prefix(MigrationHistory history, String upTo) {
    if (upTo == null) {
      return history.migrations();
    }
    List<BigInteger> wanted = Version.parse(upTo).parts();
    int numeric = -1;
    for (int i = 0; i < history.migrations().size(); i++) {
      String text = history.migrations().get(i).version().text();
      if (text.equals(upTo)) {
        return history.migrations().subList(0, i + 1);
      }
      // Read as the tools read numbers: 05 is 5, 1.01 is 1.1.
      if (numeric < 0 && !wanted.isEmpty() && Version.parse(text).parts().equals(wanted)) {
        numeric = i;
      }
    }
    if (numeric >= 0) {
      return history.migrations().subList(0, numeric + 1);
    }
    throw MigtestException.usage(
        "No migration has version "
            + upTo
            + "; the versions are: "
            + history.migrations().stream()
                .map(m -> m.version().text())
                .collect(Collectors.joining(", "))
            + ".");
  }
}

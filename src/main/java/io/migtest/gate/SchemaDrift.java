package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.SourceText;
import io.migtest.migration.WorkingTreeFolder;
import io.migtest.schema.SchemaChange;
import io.migtest.schema.SchemaDiff;
import io.migtest.schema.SchemaSnapshot;
import io.migtest.sql.PsqlClient;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The apply gate's drift check: the schema the whole history builds must equal the one the
 * committed schema file builds on an empty database (run like {@code psql -f}, with psql when the
 * dump uses its commands, as {@code pg_dump} output does). The tool's history table is left out of
 * both.
 */
final class SchemaDrift {

  private SchemaDrift() {}

  /** The drift found, or empty when the schemas are equal or the history does not apply. */
  static Optional<Finding> check(
      GateContext context, MigrationHistory head, ApplySettings settings) {
    Set<String> ignored =
        head.layout().historyTable().map(t -> Set.of(t.tableName())).orElse(Set.of());
    HistoryApplier.State built =
        context.history().after(head.migrations(), head.callbacks(), "drift");
    if (!(built instanceof HistoryApplier.Ready migrated)) {
      return Optional.empty();
    }
    HistoryApplier.State empty = context.history().empty("drift");
    if (!(empty instanceof HistoryApplier.Ready blank)) {
      migrated.database().close();
      return Optional.empty();
    }
    try (ScratchDatabase fromMigrations = migrated.database();
        ScratchDatabase fromFile = blank.database()) {
      Optional<Finding> failed = context.database().run(fromFile, load(settings));
      if (failed.isPresent()) {
        return Optional.of(
            failed
                .get()
                .restated(
                    RuleId.SCHEMA_DRIFT,
                    Severity.ERROR,
                    "The schema file does not build on an empty database, so the schema the"
                        + " migrations build cannot be compared with it: "
                        + failed.get().message()));
      }
      List<SchemaChange> changes =
          SchemaDiff.between(snapshot(fromFile, ignored), snapshot(fromMigrations, ignored))
              .stream()
              .filter(c -> !c.positionOnly())
              .toList();
      if (changes.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          Finding.error(
              RuleId.SCHEMA_DRIFT,
              settings.schemaFile(),
              0,
              "The migrations build another schema than "
                  + settings.schemaFile()
                  + " describes. What the migrations build, compared with the file: "
                  + SchemaChange.listed(changes)
                  + ". Regenerate the file from a database the migrations built (your tool's"
                  + " schema dump), or add the migration it is missing."));
    } catch (SQLException e) {
      throw MigtestException.environment(
          "The schema drift check lost its database connection: " + e.getMessage(), e);
    }
  }

  private static SqlScript load(ApplySettings settings) {
    Path file = settings.project().resolve(settings.schemaFile()).normalize();
    WorkingTreeFolder folder = new WorkingTreeFolder(settings.project(), file.getParent());
    String name = file.getFileName().toString();
    return SourceText.toScript(
            settings.schemaFile(), SourceText.read(folder, name), TransactionMode.AUTOCOMMIT)
        .withPsql(PsqlClient.plain(folder));
  }

  private static SchemaSnapshot snapshot(ScratchDatabase db, Set<String> ignored)
      throws SQLException {
    try (Connection connection = db.connect()) {
      return SchemaSnapshot.read(connection, ignored);
    }
  }
}

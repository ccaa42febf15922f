package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.schema.SchemaChange;
import io.migtest.schema.SchemaDiff;
import io.migtest.schema.SchemaSnapshot;
import io.migtest.sql.IrreversibleMark;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rollback gate: for each new migration with a down script, on the state before it, snapshot
 * S0, up, S1, down, S2, up again, S3: the down must bring back S0 (S2 equals S0) and the up must
 * work again on what the down left (S3 equals S1). The migrations are checked in order on one
 * database, which each up-again leaves in the state the next migration starts from; a down that
 * fails is a finding at its file and line, and the state is then built again from the history.
 * Migrations without a down are the lint gate's {@code missing-down}; a history without any down
 * script is skipped. A down script leaves the tool's history table as the tool's rollback does: its
 * rows are put back as they were before the up, so an up that reads them sees what it saw.
 */
public final class RollbackGate implements Gate {
  @Override
  public GateId id() {
    return GateId.ROLLBACK;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MigrationComparison migrations = context.migrations();
    MigrationHistory head = migrations.head();
    if (head.migrations().stream().noneMatch(Migration::hasDownStatements)) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "no down scripts in this history (" + head.layout().name() + "): nothing to roll back",
          List.of());
    }
    List<Migration> fresh = migrations.toCheck();
    List<Migration> before = migrations.baseMigrations();
    HistoryApplier.State state = context.stateBeforeNew("rollback");
    if (state instanceof HistoryApplier.Failed) {
      return result(context, started, GateStatus.SKIP, context.stateBeforeNewFails(), List.of());
    }
    Set<String> ignored = context.historyTables();
    List<Finding> findings = new ArrayList<>();
    ScratchDatabase db = ((HistoryApplier.Ready) state).database();
    int checked = 0;
    int withoutDown = 0;
    int irreversible = 0;
    try (Progress.Task task = context.progress().task("rollback", fresh.size())) {
      SchemaSnapshot current = snapshot(db, ignored);
      for (int i = 0; i < fresh.size(); i++) {
        Migration migration = fresh.get(i);
        // The callbacks of a whole migrate (afterMigrate ...) run after the last one only.
        Callbacks around =
            i == fresh.size() - 1 ? head.callbacks() : head.callbacks().eachMigration();
        Round round = check(context, db, migration, around, current, ignored);
        findings.addAll(round.findings());
        if (round.applyFailed()) {
          break;
        }
        if (!migration.hasDownStatements()
            && IrreversibleMark.in(migration.up().text())
                .filter(IrreversibleMark::hasReason)
                .isPresent()) {
          irreversible++;
        } else if (!migration.hasDownStatements()) {
          withoutDown++;
        } else {
          checked++;
        }
        if (round.after() == null) {
          db.close();
          List<Migration> upTo = new ArrayList<>(before);
          upTo.addAll(fresh.subList(0, i + 1));
          HistoryApplier.State rebuilt =
              context.history().after(upTo, head.callbacks(), "rollback");
          if (rebuilt instanceof HistoryApplier.Failed) {
            db = null;
            break;
          }
          db = ((HistoryApplier.Ready) rebuilt).database();
          current = snapshot(db, ignored);
        } else {
          current = round.after();
        }
        task.advance(migration.file());
      }
    } catch (SQLException e) {
      throw MigtestException.environment(
          "The rollback gate lost its database connection: " + e.getMessage(), e);
    } finally {
      if (db != null) {
        db.close();
      }
    }
    String summary =
        Plural.of(checked, "migration")
            + " checked (up, down, up again)"
            + (irreversible == 0 ? "" : "; " + irreversible + " irreversible on purpose")
            + (withoutDown == 0
                ? ""
                : "; " + withoutDown + " without a down script or with an empty one (see lint)");
    return result(context, started, GateResult.statusOf(findings), summary, findings);
  }

  /**
   * What checking one migration found, and the schema it left (null when the database must be built
   * again, after a down that failed).
   */
  private record Round(List<Finding> findings, SchemaSnapshot after, boolean applyFailed) {}

  private static Round check(
      GateContext context,
      ScratchDatabase db,
      Migration migration,
      Callbacks callbacks,
      SchemaSnapshot s0,
      Set<String> ignored)
      throws SQLException {
    Optional<String> historyRows = historyRows(context, db);
    Optional<Finding> up =
        context.history().migrate(db, List.of(migration), callbacks, m -> {}).failure();
    if (up.isPresent()) {
      // The apply gate reports it; the migrations after it cannot be checked.
      return new Round(List.of(), null, true);
    }
    SchemaSnapshot s1 = snapshot(db, ignored);
    if (!migration.hasDownStatements()) {
      return new Round(List.of(), s1, false);
    }
    List<Finding> findings = new ArrayList<>();
    Optional<Finding> down = context.database().run(db, migration.down());
    if (down.isPresent()) {
      findings.add(down.get());
      return new Round(findings, null, false);
    }
    if (historyRows.isPresent()) {
      restoreHistoryRows(context, db, historyRows.get());
    }
    SchemaSnapshot s2 = snapshot(db, ignored);
    differences(SchemaDiff.between(s0, s2), migration.down(), findings, DOWN_LEAVES);
    Optional<Finding> again = context.database().run(db, migration.up());
    if (again.isPresent()) {
      findings.add(
          again
              .get()
              .restated(
                  RuleId.UP_AFTER_DOWN_FAILS,
                  Severity.ERROR,
                  "After the down script ran, the migration does not apply again: "
                      + again.get().message()
                      + " (the down left something the up creates, or removed something it"
                      + " needs)."));
      return new Round(findings, null, false);
    }
    SchemaSnapshot s3 = snapshot(db, ignored);
    differences(SchemaDiff.between(s1, s3), migration.up(), findings, UP_AGAIN_GIVES);
    return new Round(findings, s3, false);
  }

  private static final String DOWN_LEAVES =
      "The down script does not bring back the schema from before the migration";
  private static final String UP_AGAIN_GIVES =
      "Applied again after its down script, the migration builds a different schema than the"
          + " first time";

  /** One finding for the structural changes, and a note for column positions alone. */
  private static void differences(
      List<SchemaChange> changes, SqlScript script, List<Finding> findings, String what) {
    List<SchemaChange> structural = changes.stream().filter(c -> !c.positionOnly()).toList();
    List<SchemaChange> positions = changes.stream().filter(SchemaChange::positionOnly).toList();
    String rule =
        what.equals(DOWN_LEAVES) ? RuleId.DOWN_DOES_NOT_RESTORE : RuleId.UP_AFTER_DOWN_DIFFERS;
    if (!structural.isEmpty()) {
      findings.add(
          Finding.error(
              rule,
              script.file(),
              0,
              what
                  + ". Compared with "
                  + against(what)
                  + ": "
                  + SchemaChange.listed(structural)
                  + "."));
    }
    if (!positions.isEmpty()) {
      findings.add(
          new Finding(
              RuleId.COLUMN_POSITION_CHANGED,
              Severity.INFO,
              script.file(),
              0,
              "Only column positions differ ("
                  + SchemaChange.listed(positions)
                  + "): a column dropped and added again goes last. Queries that name their"
                  + " columns do not notice; `SELECT *` and `COPY` without a column list do.",
              null));
    }
  }

  private static String against(String what) {
    return what.equals(DOWN_LEAVES) ? "before the migration" : "its first run";
  }

  /** The tool's history rows as JSON, or empty when the layout keeps no table or it is absent. */
  private static Optional<String> historyRows(GateContext context, ScratchDatabase db)
      throws SQLException {
    Optional<String> table = historyTable(context);
    if (table.isEmpty()) {
      return Optional.empty();
    }
    try (Connection connection = db.connect();
        var rs =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT CASE WHEN to_regclass('"
                        + table.get().replace("'", "''")
                        + "') IS NULL THEN NULL ELSE (SELECT coalesce(json_agg(t), '[]')::text"
                        + " FROM "
                        + table.get()
                        + " t) END")) {
      rs.next();
      return Optional.ofNullable(rs.getString(1));
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static void restoreHistoryRows(GateContext context, ScratchDatabase db, String rows)
      throws SQLException {
    String table = historyTable(context).orElseThrow();
    try (Connection connection = db.connect();
        var restore =
            connection.prepareStatement(
                "DELETE FROM "
                    + table
                    + "; INSERT INTO "
                    + table
                    + " SELECT * FROM json_populate_recordset(NULL::"
                    + table
                    + ", ?::json)")) {
      restore.setString(1, rows);
      restore.execute();
    }
  }

  /** The tool's history table as SQL names it ({@code "public"."flyway_schema_history"}). */
  private static Optional<String> historyTable(GateContext context) {
    return context
        .history()
        .recordsIn()
        .map(
            t ->
                java.util.Arrays.stream(t.name().split("\\."))
                    .map(part -> "\"" + part.replace("\"", "\"\"") + "\"")
                    .collect(Collectors.joining(".")));
  }

  private static SchemaSnapshot snapshot(ScratchDatabase db, Set<String> ignored)
      throws SQLException {
    try (Connection connection = db.connect()) {
      return SchemaSnapshot.read(connection, ignored);
    }
  }
}

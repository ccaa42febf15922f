package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
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
 * The rollback gate's work on one run of consecutive new migrations, on one database of its own:
 * for each, snapshot S0, up, S1, down, S2, up again, S3. The up-again leaves the state the next
 * migration of the run starts from; after a down that fails, the state is built again from the
 * history's templates. A down script leaves the tool's history table as the tool's rollback does:
 * its rows are put back as they were before the up, so an up that reads them sees what it saw.
 */
final class RollbackChunk {
  private final GateContext context;
  private final MigrationHistory head;
  private final List<Migration> before;
  private final List<Migration> fresh;
  private final Set<String> ignored;

  /**
   * @param before the migrations applied before the new ones (the base branch's)
   * @param fresh all new migrations in order; a chunk checks a slice of them
   */
  RollbackChunk(GateContext context, List<Migration> before, List<Migration> fresh) {
    this.context = context;
    this.head = context.migrations().head();
    this.before = before;
    this.fresh = fresh;
    this.ignored = context.historyTables();
  }

  /**
   * What a slice found, and how many of its migrations were checked, marked or lack a down.
   *
   * @param stoppedAt the migration whose up script failed, where checking stopped, or null
   */
  record Tally(
      List<Finding> findings, int checked, int irreversible, int withoutDown, String stoppedAt) {
    static final Tally NONE = new Tally(List.of(), 0, 0, 0, null);

    Tally plus(Tally other) {
      List<Finding> all = new ArrayList<>(findings);
      all.addAll(other.findings);
      return new Tally(
          all,
          checked + other.checked,
          irreversible + other.irreversible,
          withoutDown + other.withoutDown,
          stoppedAt != null ? stoppedAt : other.stoppedAt);
    }
  }

  /**
   * Checks the new migrations {@code from} (inclusive) to {@code to} (exclusive), on a database in
   * the state before {@code from}; empty when that state does not build (the apply gate reports the
   * migration that fails).
   */
  Optional<Tally> check(int from, int to, Progress.Task task) {
    HistoryApplier.State state = stateBefore(from);
    if (state instanceof HistoryApplier.Failed) {
      return Optional.empty();
    }
    ScratchDatabase db = ((HistoryApplier.Ready) state).database();
    List<Finding> findings = new ArrayList<>();
    int checked = 0;
    int withoutDown = 0;
    int irreversible = 0;
    String stoppedAt = null;
    try {
      SchemaSnapshot current = snapshot(db);
      for (int i = from; i < to; i++) {
        Migration migration = fresh.get(i);
        // The callbacks of a whole migrate (afterMigrate ...) run after the last one only.
        Callbacks around =
            i == fresh.size() - 1 ? head.callbacks() : head.callbacks().eachMigration();
        Round round = check(db, migration, around, current);
        findings.addAll(round.findings());
        if (round.applyFailed()) {
          stoppedAt = migration.file();
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
          db = null;
          HistoryApplier.State rebuilt = stateBefore(i + 1);
          if (rebuilt instanceof HistoryApplier.Failed) {
            break;
          }
          db = ((HistoryApplier.Ready) rebuilt).database();
          current = snapshot(db);
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
    return Optional.of(new Tally(findings, checked, irreversible, withoutDown, stoppedAt));
  }

  /** A new database in the state before the new migration {@code index}. */
  private HistoryApplier.State stateBefore(int index) {
    if (index == 0) {
      return context.stateBeforeNew("rollback");
    }
    List<Migration> upTo = new ArrayList<>(before);
    upTo.addAll(fresh.subList(0, index));
    return context.history().after(upTo, head.callbacks(), "rollback");
  }

  /**
   * What checking one migration found, and the schema it left (null when the database must be built
   * again: after a down that failed, or an up that built another schema the second time).
   */
  private record Round(List<Finding> findings, SchemaSnapshot after, boolean applyFailed) {}

  private Round check(
      ScratchDatabase db, Migration migration, Callbacks callbacks, SchemaSnapshot s0)
      throws SQLException {
    Optional<String> historyRows = historyRows(context, db);
    Optional<Finding> up =
        context.history().migrate(db, List.of(migration), callbacks, m -> {}).failure();
    if (up.isPresent()) {
      // The apply gate reports it; the migrations after it cannot be checked.
      return new Round(List.of(), null, true);
    }
    SchemaSnapshot s1 = snapshot(db);
    if (!migration.hasDownStatements()) {
      return new Round(List.of(), s1, false);
    }
    List<Finding> findings = new ArrayList<>();
    Optional<Finding> down = context.database().run(db, migration.down());
    if (down.isPresent()) {
      // Said outright: a Liquibase --rollback or a dbmate down block shares its file with the up.
      Finding failure = down.get();
      findings.add(
          failure.restated(
              failure.rule(), failure.severity(), "The down script failed: " + failure.message()));
      return new Round(findings, null, false);
    }
    if (historyRows.isPresent()) {
      restoreHistoryRows(context, db, historyRows.get());
    }
    SchemaSnapshot s2 = snapshot(db);
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
    SchemaSnapshot s3 = snapshot(db);
    List<SchemaChange> secondRun = SchemaDiff.between(s1, s3);
    differences(secondRun, migration.up(), findings, UP_AGAIN_GIVES);
    // The next migration starts from what its tool would leave, not from a second up that differs.
    boolean differs = secondRun.stream().anyMatch(c -> !c.positionOnly());
    return new Round(findings, differs ? null : s3, false);
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

  private SchemaSnapshot snapshot(ScratchDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return SchemaSnapshot.read(connection, ignored);
    }
  }
}

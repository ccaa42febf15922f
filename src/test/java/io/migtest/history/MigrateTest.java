package io.migtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.DatabaseServer;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.SharedServer;
import io.migtest.db.Timeouts;
import io.migtest.finding.Finding;
import io.migtest.migration.CallbackEvent;
import io.migtest.migration.Callbacks;
import io.migtest.migration.DbmateLayout;
import io.migtest.migration.FlywayLayout;
import io.migtest.migration.Migration;
import io.migtest.migration.SessionScope;
import io.migtest.migration.Version;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A migrate runs Flyway's callbacks in Flyway's order and transactions (DbMigrate). */
class MigrateTest {
  private final DatabaseServer server = SharedServer.get();
  private final ScriptRunner runner = new ScriptRunner(Timeouts.DEFAULT, server);
  private final SqlScript log =
      SqlScript.of(
          "setup.sql",
          "CREATE TABLE log (id serial PRIMARY KEY, event text NOT NULL, tx bigint NOT NULL);",
          TransactionMode.AUTOCOMMIT);

  private HistoryApplier applier(List<SqlScript> setup) {
    return new HistoryApplier(
        () -> server,
        () -> runner,
        new FlywayLayout().historyTable().orElseThrow(),
        SessionScope.FLYWAY,
        setup);
  }

  private static Migration versioned(int version, String sql, TransactionMode mode) {
    return new Migration(
        String.valueOf(version),
        Version.parse(String.valueOf(version)),
        "m" + version,
        SqlScript.of("V" + version + ".sql", sql, mode),
        null,
        false);
  }

  private static Callbacks callbacks(String sqlFor, CallbackEvent... events) {
    return new Callbacks(
        Arrays.stream(events)
            .map(
                e ->
                    new Callbacks.Callback(
                        e,
                        SqlScript.of(
                            e.id() + ".sql",
                            sqlFor.replace("{event}", e.id()),
                            TransactionMode.SINGLE_TRANSACTION)))
            .toList());
  }

  private static Callbacks logging(CallbackEvent... events) {
    return callbacks("INSERT INTO log (event, tx) VALUES ('{event}', txid_current());", events);
  }

  private static List<String> rows(ScratchDatabase db, String query) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connect();
        var rs = c.createStatement().executeQuery(query)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  @Test
  void callbacksRunInFlywaysOrderAndPerMigrationOnesInTheMigrationsTransaction() throws Exception {
    Migration table = versioned(1, "CREATE TABLE t (id int);", TransactionMode.SINGLE_TRANSACTION);
    Migration index =
        versioned(2, "CREATE INDEX CONCURRENTLY i ON t (id);", TransactionMode.AUTOCOMMIT);
    Migration view =
        new Migration(
            "R__v",
            new Version("R", List.of(), null),
            "v",
            SqlScript.of("R__v.sql", "CREATE VIEW v AS SELECT 1;", TransactionMode.AUTOCOMMIT),
            null,
            true);
    Callbacks all =
        logging(
            Arrays.stream(CallbackEvent.values())
                .filter(e -> e.handling() == CallbackEvent.Handling.RUN)
                .toArray(CallbackEvent[]::new));
    List<Migration> applied = new ArrayList<>();
    try (HistoryApplier history = applier(List.of(log));
        ScratchDatabase db = ((HistoryApplier.Ready) history.empty("events")).database()) {
      HistoryApplier.Migrated migrated =
          history.migrate(db, List.of(table, index, view), all, applied::add);
      assertThat(migrated.failure()).isEmpty();
      assertThat(migrated.applied()).isEqualTo(3);
      assertThat(applied).containsExactly(table, index, view);
      assertThat(rows(db, "SELECT event FROM log ORDER BY id"))
          .containsExactly(
              "afterConnect",
              "beforeValidate",
              "afterValidate",
              "createSchema",
              "beforeCreateSchema",
              "beforeMigrate",
              "beforeEachMigrate",
              "afterEachMigrate",
              "beforeEachMigrate",
              "afterEachMigrate",
              "afterVersioned",
              "beforeRepeatables",
              "beforeEachMigrate",
              "afterEachMigrate",
              "afterMigrateApplied",
              "afterMigrate",
              "afterMigrateOperationFinish");
      // The transactional migration shares its transaction with its callbacks and history row;
      // the non-transactional one runs its callbacks in autocommit, each on its own.
      assertThat(
              rows(
                  db,
                  "SELECT count(DISTINCT tx) FROM log WHERE event LIKE '%EachMigrate'"
                      + " GROUP BY (id - 7) / 2 ORDER BY min(id)"))
          .containsExactly("1", "2", "2");
      assertThat(
              rows(
                  db,
                  "SELECT h.script FROM flyway_schema_history h JOIN log l"
                      + " ON l.tx % 4294967296 = h.xmin::text::bigint"
                      + " AND l.event = 'afterEachMigrate'"))
          .containsExactly("V1.sql");
    }
  }

  @Test
  void aMigrateOfNothingRunsItsOpeningAndClosingCallbacksButNotAfterMigrateApplied()
      throws Exception {
    Callbacks callbacks =
        logging(
            CallbackEvent.BEFORE_MIGRATE,
            CallbackEvent.AFTER_VERSIONED,
            CallbackEvent.AFTER_MIGRATE_APPLIED,
            CallbackEvent.AFTER_MIGRATE);
    try (HistoryApplier history = applier(List.of(log));
        ScratchDatabase db = ((HistoryApplier.Ready) history.empty("nothing")).database()) {
      HistoryApplier.Migrated migrated = history.migrate(db, List.of(), callbacks, m -> {});
      assertThat(migrated.failure()).isEmpty();
      assertThat(rows(db, "SELECT event FROM log ORDER BY id"))
          .containsExactly("beforeMigrate", "afterVersioned", "afterMigrate");
    }
  }

  @Test
  void aFailingPerMigrationCallbackRollsTheMigrationBackAndNamesItsEventFileAndLine()
      throws Exception {
    Migration table = versioned(1, "CREATE TABLE t (id int);", TransactionMode.SINGLE_TRANSACTION);
    Callbacks broken = callbacks("SELECT 1;\nSELECT 1/0;", CallbackEvent.AFTER_EACH_MIGRATE);
    try (HistoryApplier history = applier(List.of());
        ScratchDatabase db = ((HistoryApplier.Ready) history.empty("broken")).database()) {
      HistoryApplier.Migrated migrated = history.migrate(db, List.of(table), broken, m -> {});
      assertThat(migrated.applied()).isZero();
      Finding failure = migrated.failure().orElseThrow();
      assertThat(failure.rule()).isEqualTo("callback-failed");
      assertThat(failure.location()).isEqualTo("afterEachMigrate.sql:2");
      assertThat(failure.sqlstate()).isEqualTo("22012");
      assertThat(failure.message())
          .startsWith("The afterEachMigrate callback failed (running with V1.sql): ");
      assertThat(rows(db, "SELECT count(*) FROM pg_tables WHERE tablename = 't'"))
          .containsExactly("0");
    }
  }

  @Test
  void aStateIsKeptPerCallbacksAndOneWithCallbacksIsNeverAPrefix() throws Exception {
    Migration one = versioned(1, "CREATE TABLE t1 (id int);", TransactionMode.SINGLE_TRANSACTION);
    Migration two = versioned(2, "CREATE TABLE t2 (id int);", TransactionMode.SINGLE_TRANSACTION);
    // Fails when it runs twice on one database, as it would on a state built from another.
    Callbacks x = callbacks("CREATE TABLE x (id int);", CallbackEvent.AFTER_MIGRATE);
    Callbacks y = callbacks("CREATE TABLE y (id int);", CallbackEvent.AFTER_MIGRATE);
    String tables =
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
            + " WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history'";
    try (HistoryApplier history = applier(List.of())) {
      assertThat(tablesAfter(history, List.of(one), Callbacks.NONE, tables)).isEqualTo("t1");
      assertThat(tablesAfter(history, List.of(one), x, tables)).isEqualTo("t1,x");
      assertThat(tablesAfter(history, List.of(one), y, tables)).isEqualTo("t1,y");
      assertThat(tablesAfter(history, List.of(one), x, tables)).isEqualTo("t1,x");
      assertThat(tablesAfter(history, List.of(one), Callbacks.NONE, tables)).isEqualTo("t1");
      assertThat(tablesAfter(history, List.of(one, two), x, tables)).isEqualTo("t1,t2,x");
    }
  }

  private static String tablesAfter(
      HistoryApplier history, List<Migration> migrations, Callbacks callbacks, String query)
      throws Exception {
    HistoryApplier.State state = history.after(migrations, callbacks, "state");
    assertThat(state).isInstanceOf(HistoryApplier.Ready.class);
    try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
      return rows(db, query).get(0);
    }
  }

  /** Where a table lands that a migration creates after another one ran SET search_path. */
  private String schemaOfTableAfterSetSearchPath(SessionScope session) throws Exception {
    Migration sets =
        versioned(
            1, "CREATE SCHEMA app; SET search_path TO app;", TransactionMode.SINGLE_TRANSACTION);
    Migration creates =
        versioned(2, "CREATE TABLE t (id int);", TransactionMode.SINGLE_TRANSACTION);
    try (HistoryApplier history =
        new HistoryApplier(() -> server, () -> runner, null, session, List.of())) {
      var built = history.after(List.of(sets, creates), Callbacks.NONE, "s");
      assertThat(built).as(String.valueOf(built)).isInstanceOf(HistoryApplier.Ready.class);
      var state = (HistoryApplier.Ready) built;
      try (ScratchDatabase db = state.database();
          Connection c = db.connect();
          var rs =
              c.createStatement()
                  .executeQuery("SELECT schemaname FROM pg_tables WHERE tablename = 't'")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  @Test
  void aSearchPathSetByOneMigrationReachesTheNextOnlyWhereTheToolsSessionKeepsIt()
      throws Exception {
    assertThat(schemaOfTableAfterSetSearchPath(SessionScope.SHARED)).isEqualTo("app");
    assertThat(schemaOfTableAfterSetSearchPath(SessionScope.FLYWAY)).isEqualTo("public");
    assertThat(schemaOfTableAfterSetSearchPath(SessionScope.PER_SCRIPT)).isEqualTo("public");
  }

  @Test
  void dbmateRecordsEachMigrationInTheSchemaCurrentAfterItAsDbmateDoes() throws Exception {
    Migration sets =
        versioned(
            1, "CREATE SCHEMA app; SET search_path TO app;", TransactionMode.SINGLE_TRANSACTION);
    try (HistoryApplier history =
        new HistoryApplier(
            () -> server,
            () -> runner,
            new DbmateLayout().historyTable().orElseThrow(),
            SessionScope.SHARED,
            List.of())) {
      var state = history.after(List.of(sets), Callbacks.NONE, "dbmate");
      // dbmate 2.36 fails here too: relation "app.schema_migrations" does not exist.
      assertThat(state).isInstanceOf(HistoryApplier.Failed.class);
      assertThat(((HistoryApplier.Failed) state).failure().message())
          .contains("app.schema_migrations");
    }
  }
}

package io.migtest.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.DatabaseServer;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.SharedServer;
import io.migtest.db.Timeouts;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.migration.SessionScope;
import io.migtest.migration.Version;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** States of a history are built once, kept as templates and cloned. */
class HistoryApplierTest {
  @TempDir Path drop;

  private final DatabaseServer server = SharedServer.get();
  private final ScriptRunner runner = new ScriptRunner(Timeouts.DEFAULT, server);

  /** A migration that creates a table and notes, outside the database, that it ran. */
  private Migration migration(int version, Path log) {
    String sql =
        "CREATE TABLE t"
            + version
            + " (id int);\nCOPY (SELECT 1) TO PROGRAM 'cat > /dev/null; echo "
            + version
            + " >> "
            + log
            + "';\n";
    return new Migration(
        String.valueOf(version),
        Version.parse(String.valueOf(version)),
        "m" + version,
        SqlScript.of("V" + version + ".sql", sql, TransactionMode.SINGLE_TRANSACTION),
        null,
        false);
  }

  private static String tables(ScratchDatabase db) throws Exception {
    try (Connection c = db.connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables"
                        + " WHERE schemaname = 'public'")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void aStateAskedForAgainIsClonedAndALongerOneBuildsOnTheLongestKeptPrefix() throws Exception {
    Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path log = drop.resolve("ran.log");
    Migration m1 = migration(1, log);
    Migration m2 = migration(2, log);
    Migration m3 = migration(3, log);
    SqlScript setup =
        SqlScript.of("setup.sql", "CREATE TABLE s (id int);", TransactionMode.AUTOCOMMIT);
    try (HistoryApplier history =
        new HistoryApplier(() -> server, () -> runner, null, SessionScope.SHARED, List.of(setup))) {
      for (int i = 0; i < 2; i++) {
        var state = (HistoryApplier.Ready) history.after(List.of(m1, m2), Callbacks.NONE, "state");
        try (ScratchDatabase db = state.database()) {
          assertThat(tables(db)).isEqualTo("s,t1,t2");
        }
      }
      var longer =
          (HistoryApplier.Ready) history.after(List.of(m1, m2, m3), Callbacks.NONE, "longer");
      try (ScratchDatabase db = longer.database()) {
        assertThat(tables(db)).isEqualTo("s,t1,t2,t3");
      }
      var empty = (HistoryApplier.Ready) history.empty("empty");
      try (ScratchDatabase db = empty.database()) {
        assertThat(tables(db)).isEqualTo("s");
      }
    }
    assertThat(Files.readAllLines(log)).containsExactly("1", "2", "3");
  }

  @Test
  void aFailingMigrationIsTheFailureOfTheStateAndNothingIsKept() throws Exception {
    Migration broken =
        new Migration(
            "1",
            Version.parse("1"),
            "broken",
            SqlScript.of("V1.sql", "SELECT 1/0;", TransactionMode.SINGLE_TRANSACTION),
            null,
            false);
    try (HistoryApplier history =
        new HistoryApplier(() -> server, () -> runner, null, SessionScope.SHARED, List.of())) {
      var state = history.after(List.of(broken), Callbacks.NONE, "state");
      assertThat(state).isInstanceOf(HistoryApplier.Failed.class);
      assertThat(((HistoryApplier.Failed) state).failure().sqlstate()).isEqualTo("22012");
    }
  }

  private static Migration sql(String id, String text) {
    return new Migration(
        id,
        Version.parse(id.replaceAll("\\D", "")),
        id,
        SqlScript.of("V" + id + ".sql", text, TransactionMode.SINGLE_TRANSACTION),
        null,
        false);
  }

  private static String query(ScratchDatabase db, String sql) throws Exception {
    try (Connection c = db.connect();
        var rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  @Test
  void aRoleThatOneStateCreatedIsNotSeenByAStateBuiltWithoutIt() throws Exception {
    String role = "reader_" + Long.toHexString(System.nanoTime());
    String limit = "SELECT rolconnlimit FROM pg_roles WHERE rolname = '" + role + "'";
    String settings =
        "SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting s"
            + " JOIN pg_roles r ON r.oid = s.setrole WHERE r.rolname = '"
            + role
            + "'";
    Migration createsRole =
        sql(
            "1",
            "CREATE ROLE "
                + role
                + "; CREATE TABLE owned (id int); ALTER TABLE owned OWNER TO "
                + role
                + ";");
    Migration createsItAgain =
        sql("1a", "CREATE ROLE " + role + " CONNECTION LIMIT 3; CREATE TABLE other (id int);");
    Migration changesIt =
        sql(
            "2",
            "ALTER ROLE "
                + role
                + " CONNECTION LIMIT 7; ALTER ROLE "
                + role
                + " SET work_mem = '8MB';");
    try (HistoryApplier history =
        new HistoryApplier(() -> server, () -> runner, null, SessionScope.SHARED, List.of())) {
      var first =
          (HistoryApplier.Ready)
              history.after(List.of(createsRole, changesIt), Callbacks.NONE, "first");
      first.database().close();
      // Another history creates the same role: the server must look as if the first never ran.
      var second = history.after(List.of(createsItAgain), Callbacks.NONE, "second");
      assertThat(second).isInstanceOf(HistoryApplier.Ready.class);
      try (ScratchDatabase db = ((HistoryApplier.Ready) second).database()) {
        assertThat(query(db, limit)).isEqualTo("3");
      }
      // Back to the first history: its role, owner of its table, with its attributes and settings.
      var again =
          (HistoryApplier.Ready) history.after(List.of(createsRole), Callbacks.NONE, "again");
      try (ScratchDatabase db = again.database()) {
        assertThat(query(db, "SELECT tableowner FROM pg_tables WHERE tablename = 'owned'"))
            .isEqualTo(role);
        assertThat(query(db, limit)).isEqualTo("-1");
        assertThat(query(db, settings)).isNull();
      }
      var both =
          (HistoryApplier.Ready)
              history.after(List.of(createsRole, changesIt), Callbacks.NONE, "both");
      try (ScratchDatabase db = both.database()) {
        assertThat(query(db, limit)).isEqualTo("7");
        assertThat(query(db, settings)).isEqualTo("work_mem=8MB");
      }
    }
  }

  @Test
  void settingsMadeWithAlterDatabaseSetReachEveryCloneOfAState() throws Exception {
    Migration setsPath =
        sql(
            "1",
            "CREATE SCHEMA app; DO $$ BEGIN EXECUTE format("
                + "'ALTER DATABASE %I SET search_path = \"My App\", app, public',"
                + " current_database()); EXECUTE format("
                + "'ALTER DATABASE %I SET statement_timeout = ''42s''', current_database()); END $$;");
    try (HistoryApplier history =
        new HistoryApplier(() -> server, () -> runner, null, SessionScope.SHARED, List.of())) {
      var state = (HistoryApplier.Ready) history.after(List.of(setsPath), Callbacks.NONE, "state");
      try (ScratchDatabase db = state.database()) {
        assertThat(query(db, "SHOW search_path")).isEqualTo("\"My App\", app, public");
        assertThat(query(db, "SHOW statement_timeout")).isEqualTo("42s");
      }
    }
  }
}

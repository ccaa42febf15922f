package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptRunnerTest {
  /** The first column of the first row of {@code sql}, as text. */
  private static String query(Connection c, String sql) throws java.sql.SQLException {
    try (var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private final ScriptRunner runner = new ScriptRunner(Timeouts.DEFAULT, SharedServer.get());

  /** A runner whose statement and lock timeouts are both {@code millis}. */
  private static ScriptRunner strict(long millis) {
    return new ScriptRunner(
        new Timeouts(java.time.Duration.ofMillis(millis), java.time.Duration.ofMillis(millis)),
        SharedServer.get());
  }

  @Test
  void runsSqlStandardFunctionBodiesWhoseSemicolonsPgjdbcWouldSplit() throws Exception {
    String sql =
        """
        CREATE TABLE t (id int);
        CREATE FUNCTION add_two(a int) RETURNS int LANGUAGE sql
        BEGIN ATOMIC
          SELECT a + 1;
          SELECT a + 2;
        END;
        """;
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      Optional<Finding> failure =
          runner.run(c, SqlScript.of("f.sql", sql, TransactionMode.SINGLE_TRANSACTION));
      assertThat(failure).isEmpty();
      assertThat(query(c, "SELECT add_two(1)")).isEqualTo("3");
    }
  }

  @Test
  void reportsTheLineOfTheServerErrorPositionAndRollsBackTheTransaction() throws Exception {
    String sql = "CREATE TABLE a (id int);\n\nSELECT\n  id,\n  missing_column\nFROM a;\n";
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      Finding failure =
          runner
              .run(c, SqlScript.of("m.sql", sql, TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.line()).isEqualTo(5);
      assertThat(failure.sqlstate()).isEqualTo("42703");
      assertThat(failure.message()).contains("missing_column").contains("line 3");
      assertThat(query(c, "SELECT to_regclass('a') IS NULL"))
          .as("table a rolled back")
          .isEqualTo("t");
    }
  }

  @Test
  void multiStatementQueryRefusesConcurrentIndexLikeGolangMigrateButAllowsItAlone()
      throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      c.createStatement().execute("CREATE TABLE t (id int)");
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "1.up.sql",
                      "CREATE INDEX CONCURRENTLY i1 ON t (id); SELECT 1;",
                      TransactionMode.MULTI_STATEMENT_QUERY))
              .orElseThrow();
      assertThat(failure.sqlstate()).isEqualTo("25001");
      assertThat(
              runner.run(
                  c,
                  SqlScript.of(
                      "2.up.sql",
                      "CREATE INDEX CONCURRENTLY i2 ON t (id);",
                      TransactionMode.MULTI_STATEMENT_QUERY)))
          .isEmpty();
    }
  }

  @Test
  void theStatementTimeoutStopsALongStatementWithAClearFinding() throws Exception {
    ScriptRunner strict = strict(300);
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      strict.prepare(c);
      Finding failure =
          strict
              .run(
                  c,
                  SqlScript.of(
                      "slow.sql", "SELECT 1;\nSELECT pg_sleep(5);", TransactionMode.AUTOCOMMIT))
              .orElseThrow();
      assertThat(failure.sqlstate()).isEqualTo("57014");
      assertThat(failure.line()).isEqualTo(2);
      assertThat(failure.message()).contains("statement timeout");
    }
  }

  @Test
  void theLockTimeoutStopsAStatementWaitingForALock() throws Exception {
    ScriptRunner strict =
        new ScriptRunner(
            new Timeouts(java.time.Duration.ofMinutes(1), java.time.Duration.ofMillis(200)),
            SharedServer.get());
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection holder = db.connect();
        Connection c = db.connect()) {
      holder.createStatement().execute("CREATE TABLE busy (id int)");
      holder.setAutoCommit(false);
      holder.createStatement().execute("LOCK TABLE busy IN ACCESS EXCLUSIVE MODE");
      strict.prepare(c);
      Finding failure =
          strict
              .run(
                  c,
                  SqlScript.of(
                      "wait.sql",
                      "ALTER TABLE busy ADD COLUMN x int;",
                      TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.sqlstate()).isEqualTo("55P03");
      holder.rollback();
    }
  }

  @Test
  void aScratchDatabaseClonesFromATemplate() throws Exception {
    DatabaseServer server = SharedServer.get();
    try (ScratchDatabase template = server.createScratch("template")) {
      try (Connection c = template.connect()) {
        c.createStatement().execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
      }
      try (ScratchDatabase clone = server.cloneOf(template, "clone");
          Connection c = clone.connect()) {
        assertThat(clone.name()).startsWith("migtest_clone_").isNotEqualTo(template.name());
        assertThat(query(c, "SELECT id FROM kept")).isEqualTo("42");
      }
    }
  }

  @Test
  void aScriptThatLeavesATransactionOpenFailsAndItsWorkIsRolledBack() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "deploy/a.sql",
                      "SELECT 1;\nBEGIN;\nCREATE TABLE a (id int);\n",
                      TransactionMode.AUTOCOMMIT))
              .orElseThrow();
      assertThat(failure.rule()).isEqualTo("open-transaction");
      assertThat(failure.line()).isEqualTo(2);
      assertThat(query(c, "SELECT to_regclass('a') IS NULL")).isEqualTo("t");
    }
  }

  @Test
  void aMigrationThatEndsItsOwnConnectionIsAFindingWithItsCause() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "V1__kill.sql",
                      "CREATE TABLE a (id int);\nSELECT pg_terminate_backend(pg_backend_pid());",
                      TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.rule()).isEqualTo("migration-failed");
      assertThat(failure.file()).isEqualTo("V1__kill.sql");
      assertThat(failure.sqlstate()).isEqualTo("57P01");
    }
  }

  @Test
  void sendsStatementsVerbatimAsPsqlWouldWithoutJdbcEscapeRewriting() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      // pgjdbc would rewrite the JDBC escape {fn ucase(...)} into upper(...); PostgreSQL (and
      // psql, and the migration tools' view of the file) sees a syntax error.
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "V1__jdbc.sql", "SELECT {fn ucase('a')};", TransactionMode.AUTOCOMMIT))
              .orElseThrow();
      assertThat(failure.sqlstate()).isEqualTo("42601");
    }
  }

  @Test
  void loadsRowsThatFollowACopyFromStdinLikePgDumpWritesThem() throws Exception {
    String sql =
        "CREATE TABLE colours (id int, name text);\n"
            + "COPY colours (id, name) FROM stdin;\n"
            + "1\tred\n"
            + "2\tgreen; not SQL\n"
            + "\\.\n"
            + "UPDATE colours SET name = upper(name);\n";
    // golang-migrate's multi-statement mode cuts the rows at their semicolon, as it does.
    for (TransactionMode mode :
        EnumSet.complementOf(EnumSet.of(TransactionMode.SEMICOLON_PIECES))) {
      try (ScratchDatabase db = SharedServer.get().createScratch("test");
          Connection c = db.connect()) {
        assertThat(runner.run(c, SqlScript.of("V1__colours.sql", sql, mode)))
            .as(mode.name())
            .isEmpty();
        assertThat(query(c, "SELECT string_agg(name, ',' ORDER BY id) FROM colours"))
            .isEqualTo("RED,GREEN; NOT SQL");
      }
    }
  }

  @Test
  void aFailureWithoutErrorPositionIsLocatedWithoutRunningAnyStatementTwice() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      // Sequences are not rolled back: a replay of the script would count twice.
      c.createStatement().execute("CREATE SEQUENCE side_effects");
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "V1__fail.sql",
                      "CREATE TABLE a (id int);\nSELECT nextval('side_effects');\n\nSELECT 1/0;\n",
                      TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.line()).isEqualTo(4);
      assertThat(failure.sqlstate()).isEqualTo("22012");
      assertThat(query(c, "SELECT last_value FROM side_effects")).isEqualTo("1");
    }
  }

  @Test
  void aFailingHistoryRowIsNamedAsSuchWithoutRunningTheMigrationTwice() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      c.createStatement().execute("CREATE SEQUENCE side_effects");
      Epilogue record = new Epilogue("SELECT 1/0", e -> Finding.error("history", "h", 0, "x"));
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "V1__ok.sql",
                      "SELECT nextval('side_effects');\nSELECT 2;",
                      TransactionMode.SINGLE_TRANSACTION),
                  record)
              .orElseThrow();
      assertThat(failure.rule()).isEqualTo("history");
      assertThat(query(c, "SELECT last_value FROM side_effects")).isEqualTo("1");
    }
  }

  @Test
  void aMigrationThatSwitchesOffTheStatementTimeoutIsStoppedFromTheClient() throws Exception {
    ScriptRunner strict = strict(300);
    for (TransactionMode mode : TransactionMode.values()) {
      try (ScratchDatabase db = SharedServer.get().createScratch("test");
          Connection c = db.connect()) {
        strict.prepare(c);
        Finding failure =
            strict
                .run(
                    c,
                    SqlScript.of(
                        "V1__slow.sql",
                        "SET statement_timeout = 0;\nSELECT 1;\nSELECT pg_sleep(60);\n",
                        mode))
                .orElseThrow();
        assertThat(failure.rule()).as(mode.name()).isEqualTo("statement-timeout-exceeded");
        assertThat(failure.line()).as(mode.name()).isEqualTo(3);
        assertThat(failure.message()).contains("300ms").contains("--statement-timeout");
      }
    }
  }

  @Test
  void aMigrationThatCatchesTheCancelRequestIsEndedByTerminatingItsSession() throws Exception {
    ScriptRunner strict = strict(300);
    String stubborn =
        "SET statement_timeout = 0;\n"
            + "DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(60);"
            + " EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$;\n";
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      strict.prepare(c);
      Finding failure =
          strict
              .run(c, SqlScript.of("V1__stubborn.sql", stubborn, TransactionMode.AUTOCOMMIT))
              .orElseThrow();
      assertThat(failure.rule()).isEqualTo("statement-timeout-exceeded");
      assertThat(failure.line()).isEqualTo(2);
      assertThat(c.isClosed()).isTrue();
    }
  }

  @Test
  void aDeferredConstraintFailingAtCommitIsAFindingOfTheMigration() throws Exception {
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      Finding failure =
          runner
              .run(
                  c,
                  SqlScript.of(
                      "V1__deferred.sql",
                      "CREATE TABLE p (id int PRIMARY KEY);\n"
                          + "CREATE TABLE k (p int REFERENCES p DEFERRABLE INITIALLY DEFERRED);\n"
                          + "INSERT INTO k VALUES (1);\n",
                      TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.sqlstate()).isEqualTo("23503");
      assertThat(failure.message()).contains("COMMIT");
      assertThat(query(c, "SELECT to_regclass('p') IS NULL")).isEqualTo("t");
    }
  }

  @Test
  void aDeferredTriggerThatSleepsPastTheLimitAtCommitIsStopped() throws Exception {
    ScriptRunner strict = strict(300);
    String sql =
        "SET statement_timeout = 0;\n"
            + "CREATE TABLE t (id int);\n"
            + "CREATE FUNCTION slow() RETURNS trigger LANGUAGE plpgsql AS"
            + " $$ BEGIN PERFORM pg_sleep(3600); RETURN NULL; END $$;\n"
            + "CREATE CONSTRAINT TRIGGER late AFTER INSERT ON t DEFERRABLE INITIALLY DEFERRED"
            + " FOR EACH ROW EXECUTE FUNCTION slow();\n"
            + "INSERT INTO t VALUES (1);\n";
    try (ScratchDatabase db = SharedServer.get().createScratch("test");
        Connection c = db.connect()) {
      strict.prepare(c);
      Finding failure =
          strict
              .run(c, SqlScript.of("V1__late.sql", sql, TransactionMode.SINGLE_TRANSACTION))
              .orElseThrow();
      assertThat(failure.rule()).isEqualTo("statement-timeout-exceeded");
    }
  }
}

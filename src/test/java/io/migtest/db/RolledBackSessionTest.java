package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Savepoint isolation on a real PostgreSQL: work over the view's connections, migrations and test
 * files as migtest runs them, leaves the database exactly as it was, sequences included.
 */
class RolledBackSessionTest {
  private final ScriptRunner runner = new ScriptRunner(Timeouts.DEFAULT, SharedServer.get());

  @Test
  void everythingDoneThroughTheViewIsUndoneAndSequencesAreSetBack() throws SQLException {
    try (ScratchDatabase db = SharedServer.get().createScratch("rolledback")) {
      execute(db, "CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY, v text)");
      execute(db, "INSERT INTO t (v) VALUES ('kept')");

      try (RolledBackSession session = RolledBackSession.open(db)) {
        ScratchDatabase view = session.begin();
        Optional<?> failure;
        try (Connection c = view.connect()) {
          failure =
              sqlstate(
                  c,
                  "V2__more.sql",
                  "INSERT INTO t (v) VALUES ('a'), ('b');\nCREATE TABLE u (x int);\n",
                  TransactionMode.SINGLE_TRANSACTION);
        }
        assertThat(failure).isEmpty();
        try (Connection other = view.connect()) {
          assertThat(query(other, "SELECT count(*) FROM t")).as("one transaction").isEqualTo("3");
          assertThat(query(other, "SELECT to_regclass('u') IS NOT NULL")).isEqualTo("t");
        }
        session.rollBack();
      }

      try (Connection c = db.connect()) {
        assertThat(query(c, "SELECT string_agg(v, ',') FROM t")).isEqualTo("kept");
        assertThat(query(c, "SELECT to_regclass('u') IS NULL")).isEqualTo("t");
        c.createStatement().execute("INSERT INTO t (v) VALUES ('next')");
        assertThat(query(c, "SELECT max(id) FROM t"))
            .as("the sequence was set back")
            .isEqualTo("2");
      }
    }
  }

  @Test
  void aFailedScriptIsRolledBackToItsOwnStartAndTheSessionGoesOn() throws SQLException {
    String left =
        rowsAfterOneUnit(
            "CREATE TABLE t (v int NOT NULL)",
            "t",
            view -> {
              try (Connection c = view.connect()) {
                assertThat(
                        sqlstate(
                            c,
                            "V2__bad.sql",
                            "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (NULL);\n",
                            TransactionMode.SINGLE_TRANSACTION))
                    .hasValue("23502");
              }
              try (Connection c = view.connect()) {
                c.createStatement().execute("INSERT INTO t VALUES (2)");
                assertThat(query(c, "SELECT string_agg(v::text, ',') FROM t")).isEqualTo("2");
              }
            });
    assertThat(left).isEqualTo("0");
  }

  @Test
  void eachUnitOfWorkStartsAsOnANewConnectionThoughTheConnectionIsKept() throws SQLException {
    try (ScratchDatabase db = SharedServer.get().createScratch("rolledback")) {
      execute(db, "CREATE SEQUENCE s");
      try (RolledBackSession session = RolledBackSession.open(db)) {
        String pid;
        try (Connection c = session.begin().connect()) {
          pid = query(c, "SELECT pg_backend_pid()");
          assertThat(query(c, "SELECT nextval('s')")).isEqualTo("1");
          c.createStatement().execute("SELECT pg_advisory_lock(42)");
          c.createStatement().execute("PREPARE lookup AS SELECT 1");
          c.createStatement().execute("SET work_mem = '7MB'");
        }
        session.rollBack();

        try (Connection c = session.begin().connect()) {
          assertThat(query(c, "SELECT pg_backend_pid()")).as("the same connection").isEqualTo(pid);
          assertThat(query(c, "SELECT count(*) FROM pg_prepared_statements")).isEqualTo("0");
          assertThat(query(c, "SELECT current_setting('work_mem')")).isNotEqualTo("7MB");
          assertThatThrownBy(() -> query(c, "SELECT currval('s')"))
              .as("no value of the last unit")
              .isInstanceOf(SQLException.class)
              .extracting(e -> ((SQLException) e).getSQLState())
              .isEqualTo("55000");
        }
        session.rollBack();

        try (Connection c = session.begin().connect()) {
          assertThat(query(c, "SELECT nextval('s')"))
              .as("the sequence was set back")
              .isEqualTo("1");
        }
        session.rollBack();
        try (Connection other = db.connect()) {
          assertThat(query(other, "SELECT pg_try_advisory_lock(42)"))
              .as("the session's advisory lock was released")
              .isEqualTo("t");
        }
      }
    }
  }

  @Test
  void aScriptsOwnTransactionBlocksRunAsSavepointsOfTheSession() throws SQLException {
    String left =
        rowsAfterOneUnit(
            "CREATE TABLE t (v int NOT NULL)",
            "t",
            view -> {
              try (Connection c = view.connect()) {
                assertThat(
                        ownTransactions(
                            c, "deploy/a.sql", "BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;\n"))
                    .isEmpty();
                assertThat(
                        ownTransactions(
                            c, "verify/a.sql", "BEGIN;\nINSERT INTO t VALUES (2);\nROLLBACK;\n"))
                    .isEmpty();
                assertThat(
                        ownTransactions(
                            c,
                            "deploy/b.sql",
                            "BEGIN;\nINSERT INTO t VALUES (3);\n"
                                + "INSERT INTO t VALUES (NULL);\nCOMMIT;\n"))
                    .get()
                    .extracting(f -> f.sqlstate())
                    .isEqualTo("23502");
                assertThat(
                        ownTransactions(c, "deploy/c.sql", "BEGIN;\nINSERT INTO t VALUES (4);\n"))
                    .as("a block left open is rolled back and fails, as psql ends the file")
                    .get()
                    .extracting(f -> f.message())
                    .asString()
                    .contains("never ends it");
                assertThat(query(c, "SELECT string_agg(v::text, ',') FROM t"))
                    .as(
                        "the committed block stays in the session's transaction;"
                            + " the others are undone")
                    .isEqualTo("1");
                assertThatThrownBy(() -> ownTransactions(c, "deploy/d.sql", "SELECT 1;\nCOMMIT;\n"))
                    .as("a COMMIT that would end the session's transaction is refused")
                    .isInstanceOf(SQLException.class);
              }
            });
    assertThat(left).isEqualTo("0");
  }

  @Test
  void aScriptThatPlaysWithTheBlocksSavepointCommitsNothing() throws SQLException {
    String left =
        rowsAfterOneUnit(
            "CREATE TABLE t (v int)",
            "t",
            view -> {
              try (Connection c = view.connect()) {
                assertThatThrownBy(
                        () ->
                            ownTransactions(
                                c,
                                "deploy/sneaky.sql",
                                "BEGIN;\nINSERT INTO t VALUES (1);\n"
                                    + "RELEASE SAVEPOINT migtest_block;\n"
                                    + "COMMIT;\n"))
                    .as("its COMMIT finds no block to end: refused, not a commit")
                    .isInstanceOf(SQLException.class);
              }
            });
    assertThat(left).isEqualTo("0");
  }

  @Test
  void deferredConstraintsAreCheckedWhereTheScriptWouldCommit() throws SQLException {
    String left =
        rowsAfterOneUnit(
            "CREATE TABLE parent (id int PRIMARY KEY);"
                + " CREATE TABLE child (parent_id int REFERENCES parent"
                + " DEFERRABLE INITIALLY DEFERRED);"
                + " INSERT INTO parent VALUES (1)",
            "child",
            view -> {
              try (Connection c = view.connect()) {
                assertThat(
                        sqlstate(
                            c,
                            "V2__orphan.sql",
                            "INSERT INTO child VALUES (1);\nINSERT INTO child VALUES (2);\n",
                            TransactionMode.SINGLE_TRANSACTION))
                    .as("the orphan fails at the migration's COMMIT, as on a database of its own")
                    .hasValue("23503");
                assertThat(
                        ownTransactions(
                            c,
                            "deploy/orphan.sql",
                            "BEGIN;\nINSERT INTO child VALUES (3);\nCOMMIT;\n"))
                    .as("and at a Sqitch block's COMMIT")
                    .get()
                    .extracting(f -> f.sqlstate())
                    .isEqualTo("23503");
                assertThat(
                        sqlstate(
                            c,
                            "5_orphan.up.sql",
                            "INSERT INTO child VALUES (5);",
                            TransactionMode.MULTI_STATEMENT_QUERY))
                    .as("and after a statement sent alone, its own transaction")
                    .hasValue("23503");
                assertThat(
                        sqlstate(
                            c,
                            "V3__in_order.sql",
                            "INSERT INTO child VALUES (4);\nINSERT INTO parent VALUES (4);\n",
                            TransactionMode.SINGLE_TRANSACTION))
                    .as("the constraint is still deferred within the next transaction")
                    .isEmpty();
                assertThat(query(c, "SELECT string_agg(parent_id::text, ',') FROM child"))
                    .as("the failed ones are undone")
                    .isEqualTo("4");
              }
            });
    assertThat(left).isEqualTo("0");
  }

  /** Work over the view of one unit of work. */
  private interface Unit {
    void on(ScratchDatabase view) throws SQLException;
  }

  /**
   * Runs {@code unit} in one unit of work on a new database that {@code setup} makes, rolls it back
   * and counts the rows {@code table} then has.
   */
  private static String rowsAfterOneUnit(String setup, String table, Unit unit)
      throws SQLException {
    try (ScratchDatabase db = SharedServer.get().createScratch("rolledback")) {
      execute(db, setup);
      try (RolledBackSession session = RolledBackSession.open(db)) {
        unit.on(session.begin());
        session.rollBack();
      }
      try (Connection c = db.connect()) {
        return query(c, "SELECT count(*) FROM " + table);
      }
    }
  }

  /** Runs a script as a migration of the layout's {@code mode}: its failure's SQLSTATE, if any. */
  private Optional<String> sqlstate(Connection c, String file, String sql, TransactionMode mode)
      throws SQLException {
    return runner.run(c, SqlScript.of(file, sql, mode)).map(Finding::sqlstate);
  }

  /** Runs a script that begins and ends its own transactions, as Sqitch's scripts do. */
  private Optional<Finding> ownTransactions(Connection c, String file, String sql)
      throws SQLException {
    return runner.run(c, SqlScript.of(file, sql, TransactionMode.AUTOCOMMIT));
  }

  private static void execute(ScratchDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement().execute(sql);
    }
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

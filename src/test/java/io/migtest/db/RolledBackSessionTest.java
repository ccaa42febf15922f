package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;

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
        ScratchDatabase view = session.view();
        Optional<?> failure;
        try (Connection c = view.connect()) {
          failure =
              runner.run(
                  c,
                  SqlScript.of(
                      "V2__more.sql",
                      "INSERT INTO t (v) VALUES ('a'), ('b');\nCREATE TABLE u (x int);\n",
                      TransactionMode.SINGLE_TRANSACTION));
        }
        assertThat(failure).isEmpty();
        try (Connection other = view.connect()) {
          assertThat(query(other, "SELECT count(*) FROM t")).as("one transaction").isEqualTo("3");
          assertThat(query(other, "SELECT to_regclass('u') IS NOT NULL")).isEqualTo("t");
        }
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
    try (ScratchDatabase db = SharedServer.get().createScratch("rolledback")) {
      execute(db, "CREATE TABLE t (v int NOT NULL)");
      try (RolledBackSession session = RolledBackSession.open(db)) {
        ScratchDatabase view = session.view();
        try (Connection c = view.connect()) {
          assertThat(
                  runner.run(
                      c,
                      SqlScript.of(
                          "V2__bad.sql",
                          "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (NULL);\n",
                          TransactionMode.SINGLE_TRANSACTION)))
              .get()
              .extracting(f -> f.sqlstate())
              .isEqualTo("23502");
        }
        try (Connection c = view.connect()) {
          c.createStatement().execute("INSERT INTO t VALUES (2)");
          assertThat(query(c, "SELECT string_agg(v::text, ',') FROM t")).isEqualTo("2");
        }
      }
      try (Connection c = db.connect()) {
        assertThat(query(c, "SELECT count(*) FROM t")).isEqualTo("0");
      }
    }
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

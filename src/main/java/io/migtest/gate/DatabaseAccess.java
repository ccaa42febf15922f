package io.migtest.gate;

import io.migtest.db.DatabaseServer;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.Timeouts;
import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The run's database, started the first time a gate asks for it: a run of gates that need none
 * (lint) starts no PostgreSQL.
 */
public interface DatabaseAccess {
  /** The server, started now if it is not running yet. */
  DatabaseServer server();

  /** Runs scripts on connections to {@link #server()} with the run's time limits. */
  ScriptRunner runner();

  /** Runs one script as the apply gate runs it, on a connection of its own to {@code db}. */
  default Optional<Finding> run(ScratchDatabase db, SqlScript script) throws SQLException {
    try (Connection connection = db.connect()) {
      runner().prepare(connection);
      return runner().run(connection, script);
    }
  }

  /** Access to a server that is already running, for benchmarks and tests. */
  static DatabaseAccess of(DatabaseServer server, Timeouts timeouts) {
    ScriptRunner runner = new ScriptRunner(timeouts, server);
    return new DatabaseAccess() {
      @Override
      public DatabaseServer server() {
        return server;
      }

      @Override
      public ScriptRunner runner() {
        return runner;
      }
    };
  }
}

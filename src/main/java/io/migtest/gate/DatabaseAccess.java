package io.migtest.gate;

import io.migtest.db.DatabaseServer;
import io.migtest.db.ScriptRunner;
import io.migtest.db.Timeouts;

/**
 * The run's database, started the first time a gate asks for it: a run of gates that need none
 * (lint) starts no PostgreSQL.
 */
public interface DatabaseAccess {
  /** The server, started now if it is not running yet. */
  DatabaseServer server();

  /** Runs scripts on connections to {@link #server()} with the run's time limits. */
  ScriptRunner runner();

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

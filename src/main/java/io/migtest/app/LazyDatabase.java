package io.migtest.app;

import io.migtest.db.DatabaseServer;
import io.migtest.db.ScriptRunner;
import io.migtest.db.Timeouts;
import io.migtest.gate.DatabaseAccess;
import io.migtest.gate.Progress;
import java.util.Map;

/**
 * Hands the run's database to the gates the first time one asks for it (started then, or earlier by
 * {@link ServerStart#begin()}), registers it with the run's time limit, and stops it at the end of
 * the run if a gate took it.
 */
final class LazyDatabase implements DatabaseAccess, AutoCloseable {
  private final ServerStart start;
  private final Timeouts timeouts;
  private final String initSql;
  private final Map<String, String> environment;
  private final RunLimit limit;
  private final Progress progress;
  private DatabaseServer server;
  private ScriptRunner runner;

  /**
   * @param initSql statements every connection runs first (empty for none)
   * @param environment migtest's environment, which decides how psql runs
   */
  LazyDatabase(
      ServerStart start,
      Timeouts timeouts,
      String initSql,
      Map<String, String> environment,
      RunLimit limit,
      Progress progress) {
    this.start = start;
    this.timeouts = timeouts;
    this.initSql = initSql;
    this.environment = environment;
    this.limit = limit;
    this.progress = progress;
  }

  @Override
  public synchronized DatabaseServer server() {
    if (server == null) {
      progress.step("database: " + start.plan());
      DatabaseServer started = start.take();
      try {
        limit.started(started);
      } catch (RuntimeException e) {
        started.close();
        throw e;
      }
      server = started;
      runner = new ScriptRunner(timeouts, server, initSql, environment);
      progress.step("database: PostgreSQL " + server.version() + " ready");
    }
    return server;
  }

  @Override
  public synchronized ScriptRunner runner() {
    server();
    return runner;
  }

  @Override
  public synchronized void close() {
    if (runner != null) {
      runner.close();
    }
    if (server != null) {
      server.close();
    }
  }
}

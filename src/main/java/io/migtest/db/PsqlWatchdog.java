package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a psql run from outside, as {@link StatementWatchdog} bounds a JDBC round trip: a script
 * can switch the statement timeout off, and psql can stall on its own ({@code \!}, {@code \watch}).
 * Once a second it looks at psql's sessions (those in the script's database, or named by psql's
 * application name, other than migtest's own); when none of them changed state (a statement started
 * or ended) for longer than the budget, or none has existed for that long, it ends those sessions
 * and kills psql with everything it started.
 */
final class PsqlWatchdog implements AutoCloseable {
  private static final Duration PERIOD = Duration.ofSeconds(1);

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "migtest-psql-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private static final String SESSIONS =
      "SELECT pid, extract(epoch FROM now() - coalesce(state_change, backend_start)) * 1000,"
          + " state, query FROM pg_stat_activity"
          + " WHERE (datname = ? OR application_name = ?) AND pid <> ? AND pid <> pg_backend_pid()"
          + " AND backend_type = 'client backend'";

  private final DatabaseServer server;
  private final String database;
  private final String applicationName;
  private final int ownPid;
  private final Duration budget;
  private long lastSeen = System.nanoTime();
  private ProcessHandle psql;
  private ScheduledFuture<?> polling;
  private Connection connection;
  private volatile boolean fired;
  private volatile String runningQuery;

  /**
   * @param ownPid the backend of migtest's own connection to {@code database}, which is not psql's
   * @param budget how long a statement, or psql between statements, may take
   */
  PsqlWatchdog(
      DatabaseServer server, String database, String applicationName, int ownPid, Duration budget) {
    this.server = server;
    this.database = database;
    this.applicationName = applicationName;
    this.ownPid = ownPid;
    this.budget = budget;
  }

  /** Starts watching the psql process. */
  synchronized void watch(ProcessHandle process) {
    psql = process;
    polling =
        TIMER.scheduleWithFixedDelay(
            this::poll, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** True when psql outlived the budget and was killed. */
  boolean fired() {
    return fired;
  }

  /** The statement that was running when psql was killed, or null. */
  String runningQuery() {
    return runningQuery;
  }

  Duration budget() {
    return budget;
  }

  private synchronized void poll() {
    if (fired || polling == null) {
      return;
    }
    List<Integer> pids = new ArrayList<>();
    double youngest = Double.MAX_VALUE;
    String query = null;
    try {
      if (connection == null) {
        connection = server.endpoint().connect(server.endpoint().adminDatabase());
      }
      try (var s = connection.prepareStatement(SESSIONS)) {
        s.setString(1, database);
        s.setString(2, applicationName);
        s.setInt(3, ownPid);
        try (var rows = s.executeQuery()) {
          while (rows.next()) {
            pids.add(rows.getInt(1));
            youngest = Math.min(youngest, rows.getDouble(2));
            if ("active".equals(rows.getString(3))) {
              query = rows.getString(4);
            }
          }
        }
      }
    } catch (SQLException e) {
      return; // the server may be busy or gone; the next look decides
    }
    long now = System.nanoTime();
    double idleMillis = pids.isEmpty() ? (now - lastSeen) / 1e6 : youngest;
    if (!pids.isEmpty()) {
      lastSeen = now;
    }
    if (idleMillis > budget.toMillis()) {
      fired = true;
      runningQuery = query;
      pids.forEach(server::terminate);
      psql.descendants().forEach(ProcessHandle::destroyForcibly);
      psql.destroyForcibly();
    }
  }

  /** Stops watching. */
  @Override
  public synchronized void close() {
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // Closing a connection to a server that went away.
      }
      connection = null;
    }
  }
}

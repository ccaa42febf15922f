package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;

/**
 * Enforces the statement timeout from the client. The server's {@code statement_timeout} is a
 * session setting that a migration can change ({@code SET statement_timeout = 0}), so migtest also
 * watches each round trip: when it outlives its budget, migtest asks the server to cancel it, then
 * ends the session from another connection (a cancel can be caught in PL/pgSQL, termination
 * cannot), then closes the connection.
 */
final class StatementWatchdog {
  /** Time the server gets to act on its own timeout before the client steps in, and per step. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "migtest-statement-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final DatabaseServer server;

  StatementWatchdog(DatabaseServer server) {
    this.server = server;
  }

  /**
   * Starts watching a round trip on {@code connection} that may take at most {@code budget}; close
   * the guard when the round trip returns.
   */
  Guard watch(Connection connection, Duration budget) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    int pid = pg.getBackendPID();
    Guard guard = new Guard(budget);
    long cancelAt = budget.toMillis();
    long terminateAt = cancelAt + GRACE.toMillis();
    long closeAt = terminateAt + GRACE.toMillis();
    guard.steps =
        List.of(
            TIMER.schedule(() -> guard.step(pg::cancelQuery), cancelAt, TimeUnit.MILLISECONDS),
            TIMER.schedule(
                () -> guard.step(() -> server.terminate(pid)), terminateAt, TimeUnit.MILLISECONDS),
            TIMER.schedule(
                () -> guard.step(() -> connection.abort(Runnable::run)),
                closeAt,
                TimeUnit.MILLISECONDS));
    return guard;
  }

  /** One watched round trip. */
  static final class Guard implements AutoCloseable {
    private final Duration budget;
    private volatile List<ScheduledFuture<?>> steps = List.of();
    private volatile boolean fired;

    private Guard(Duration budget) {
      this.budget = budget;
    }

    /** An action against the session that may fail because it already ended. */
    private interface Action {
      void run() throws SQLException;
    }

    private void step(Action action) {
      fired = true;
      try {
        action.run();
      } catch (SQLException e) {
        // The session or connection is already gone, which is what this step wanted.
      }
    }

    /** True when the round trip outlived its budget and migtest stepped in. */
    boolean fired() {
      return fired;
    }

    Duration budget() {
      return budget;
    }

    @Override
    public void close() {
      steps.forEach(step -> step.cancel(false));
    }
  }
}

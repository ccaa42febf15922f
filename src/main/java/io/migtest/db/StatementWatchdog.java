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
import org.postgresql.PGConnection;

/**
 * Enforces the statement timeout from the client. The server's {@code statement_timeout} is a
 * session setting that a migration can change ({@code SET statement_timeout = 0}), so migtest also
 * watches each statement of a round trip: when one outlives the limit plus a grace, migtest asks
 * the server to cancel it, then ends the session from another connection (a cancel can be caught in
 * PL/pgSQL, termination cannot), then closes the connection.
 */
final class StatementWatchdog {
  /** Time the server gets to act on its own timeout before the client steps in, and per step. */
  static final Duration GRACE = Duration.ofSeconds(2);

  /** Several threads: one step may wait on a server that does not answer; others must not. */
  private static final ScheduledExecutorService TIMER =
      Executors.newScheduledThreadPool(
          4,
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
   * Starts watching a round trip on {@code connection} whose statements may each take at most
   * {@code limit}; call {@link Guard#statementCompleted()} as each one completes, and close the
   * guard when the round trip returns.
   */
  Guard watch(Connection connection, Duration limit) throws SQLException {
    PGConnection pg = connection.unwrap(PGConnection.class);
    int pid = pg.getBackendPID();
    Guard guard =
        new Guard(
            limit.plus(GRACE),
            List.of(
                pg::cancelQuery,
                () -> server.terminate(pid),
                () -> connection.abort(Runnable::run)));
    guard.schedule();
    return guard;
  }

  /** An action against the session that may fail because it already ended. */
  private interface Action {
    void run() throws SQLException;
  }

  /** One watched round trip. */
  static final class Guard implements AutoCloseable {
    private final Duration budget;
    private final List<Action> actions;
    private List<ScheduledFuture<?>> steps = List.of();
    private volatile boolean fired;

    private Guard(Duration budget, List<Action> actions) {
      this.budget = budget;
      this.actions = actions;
    }

    /** Schedules the steps from now: the first after the budget, each next one a grace later. */
    private synchronized void schedule() {
      long at = budget.toMillis();
      List<ScheduledFuture<?>> scheduled = new ArrayList<>();
      for (Action action : actions) {
        scheduled.add(TIMER.schedule(() -> step(action), at, TimeUnit.MILLISECONDS));
        at += GRACE.toMillis();
      }
      steps = scheduled;
    }

    /** A statement of the round trip completed: the next one gets a budget of its own. */
    synchronized void statementCompleted() {
      if (!fired) {
        cancelSteps();
        schedule();
      }
    }

    private void step(Action action) {
      fired = true;
      try {
        action.run();
      } catch (SQLException e) {
        // The session or connection is already gone, which is what this step wanted.
      }
    }

    /** True when a statement outlived its budget and migtest stepped in. */
    boolean fired() {
      return fired;
    }

    /** How long a statement may run before migtest steps in. */
    Duration budget() {
      return budget;
    }

    private void cancelSteps() {
      steps.forEach(step -> step.cancel(false));
    }

    @Override
    public synchronized void close() {
      cancelSteps();
    }
  }
}

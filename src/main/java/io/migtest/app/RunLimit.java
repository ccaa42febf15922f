package io.migtest.app;

import io.migtest.DurationText;
import io.migtest.MigtestException;
import io.migtest.db.DatabaseServer;
import java.time.Duration;

/**
 * The whole run's time limit ({@code --timeout}). The work runs on its own thread; when the limit
 * passes, migtest interrupts it (which ends child processes such as the test command), stops the
 * database server with every session on it, and reports the run as an environment failure.
 */
final class RunLimit {
  /** How long the stopped work may take to unwind before the run reports without it. */
  private static final long UNWIND_MILLIS = 30_000;

  private final Duration limit;
  private DatabaseServer server;
  private boolean expired;

  RunLimit(Duration limit) {
    this.limit = limit;
  }

  /** Work that may throw a {@link MigtestException}. */
  interface Work {
    void run() throws Exception;
  }

  /**
   * Registers the server the run started, so it can be stopped when time runs out; a server started
   * after that moment is stopped at once.
   */
  synchronized void started(DatabaseServer started) {
    if (expired) {
      started.abort();
      throw expiredError();
    }
    this.server = started;
  }

  /**
   * Runs {@code work}, rethrowing what it throws.
   *
   * @throws MigtestException an environment error when the limit passed before the work ended
   */
  void run(Work work) throws Exception {
    Exception[] thrown = new Exception[1];
    Thread worker =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (Exception e) {
                thrown[0] = e;
              } catch (OutOfMemoryError e) {
                thrown[0] = MigtestException.outOfMemory(e);
              }
            },
            "migtest-run");
    worker.setDaemon(true);
    worker.start();
    worker.join(limit.toMillis());
    if (worker.isAlive()) {
      stop(worker);
      throw expiredError();
    }
    if (thrown[0] != null) {
      throw thrown[0];
    }
  }

  private void stop(Thread worker) throws InterruptedException {
    DatabaseServer toStop;
    synchronized (this) {
      expired = true;
      toStop = server;
    }
    worker.interrupt();
    if (toStop != null) {
      // On a thread of its own: a server that does not answer must not keep the run from ending.
      Thread abort = new Thread(toStop::abort, "migtest-abort");
      abort.setDaemon(true);
      abort.start();
      abort.join(UNWIND_MILLIS);
    }
    worker.join(UNWIND_MILLIS);
  }

  private MigtestException expiredError() {
    return MigtestException.environment(
        "The run took longer than its time limit of "
            + DurationText.format(limit)
            + ", so migtest stopped it: the database and every process it started were stopped."
            + " A migration or the test command may hang; if the history is just long, raise the"
            + " limit with --timeout or `timeout:` in migtest.yml.");
  }
}

package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.db.DatabaseProvider;
import io.migtest.db.DatabaseServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Starts the run's database server on a thread of its own as soon as the run knows that a gate will
 * need one, so that starting PostgreSQL overlaps reading the project, its history and its tests
 * instead of following them. A server that no gate took is stopped on {@link #close()}.
 */
final class ServerStart implements AutoCloseable {
  private final DatabaseProvider provider;
  private CompletableFuture<DatabaseServer> starting;
  private boolean taken;

  ServerStart(DatabaseProvider provider) {
    this.provider = provider;
  }

  /** How the server is started, for progress lines. */
  String plan() {
    return provider.plan();
  }

  /** Starts the server in the background, once. */
  synchronized void begin() {
    if (starting == null) {
      starting =
          CompletableFuture.supplyAsync(
              provider::start,
              task -> {
                Thread thread = new Thread(task, "migtest-database-start");
                thread.setDaemon(true);
                thread.start();
              });
    }
  }

  /**
   * The started server, which the caller now owns: waits for the start begun earlier, or begins it.
   * A failed start throws what the provider threw.
   */
  synchronized DatabaseServer take() {
    begin();
    taken = true;
    try {
      return starting.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException thrown) {
        throw thrown;
      }
      throw new IllegalStateException("the database start failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigtestException.environment("migtest was interrupted while PostgreSQL started", e);
    }
  }

  /** Stops a server that was started but never taken. */
  @Override
  public synchronized void close() {
    if (starting == null || taken) {
      return;
    }
    try {
      starting.get().close();
    } catch (ExecutionException e) {
      // The start failed: there is nothing to stop, and no gate needed its error.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The rollback gate: for each new migration with a down script, on the state before it, snapshot
 * S0, up, S1, down, S2, up again, S3: the down must bring back S0 (S2 equals S0) and the up must
 * work again on what the down left (S3 equals S1). The new migrations are split into consecutive
 * runs ({@link RollbackWorkers}), each checked by {@link RollbackChunk} on its own clone of the
 * history's template for the state before its first migration, on as many connections at once as
 * there are cores. Migrations without a down are the lint gate's {@code missing-down}; a history
 * without any down script is skipped.
 */
public final class RollbackGate implements Gate {
  private final int cores;

  /** A gate that uses every core the JVM sees. */
  public RollbackGate() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** A gate that checks on at most {@code cores} databases at once. */
  public RollbackGate(int cores) {
    this.cores = cores;
  }

  @Override
  public GateId id() {
    return GateId.ROLLBACK;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MigrationComparison migrations = context.migrations();
    MigrationHistory head = migrations.head();
    if (head.migrations().stream().noneMatch(Migration::hasDownStatements)) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "no down scripts in this history (" + head.layout().name() + "): nothing to roll back",
          List.of());
    }
    List<Migration> fresh = migrations.toCheck();
    RollbackWorkers workers = RollbackWorkers.plan(fresh, head.callbacks(), cores);
    RollbackChunk chunk = new RollbackChunk(context, migrations.baseMigrations(), fresh);
    List<Optional<RollbackChunk.Tally>> slices;
    try (Progress.Task task = context.progress().task("rollback", fresh.size())) {
      slices = run(chunk, workers, task);
    }
    if (slices.get(0).isEmpty()) {
      return result(context, started, GateStatus.SKIP, context.stateBeforeNewFails(), List.of());
    }
    // A later slice whose start does not build follows a migration that fails to apply, where
    // the slice before it stopped.
    RollbackChunk.Tally tally =
        slices.stream()
            .flatMap(Optional::stream)
            .reduce(RollbackChunk.Tally.NONE, RollbackChunk.Tally::plus);
    String summary =
        Plural.of(tally.checked(), "migration")
            + " checked (up, down, up again)"
            + workers.describe()
            + (tally.irreversible() == 0
                ? ""
                : "; " + tally.irreversible() + " irreversible on purpose")
            + (tally.withoutDown() == 0
                ? ""
                : "; "
                    + tally.withoutDown()
                    + " without a down script or with an empty one (see lint)")
            + (tally.stoppedAt() == null
                ? ""
                : "; stopped at "
                    + tally.stoppedAt()
                    + ", which does not apply (the apply gate reports it)");
    return result(
        context, started, GateResult.statusOf(tally.findings()), summary, tally.findings());
  }

  /** The slices' tallies in order: on this thread for one slice, else one thread per slice. */
  private static List<Optional<RollbackChunk.Tally>> run(
      RollbackChunk chunk, RollbackWorkers workers, Progress.Task task) {
    List<RollbackWorkers.Slice> slices = workers.slices();
    if (slices.size() == 1) {
      return List.of(chunk.check(slices.get(0).from(), slices.get(0).to(), task));
    }
    ExecutorService pool = Executors.newFixedThreadPool(slices.size());
    try {
      List<Future<Optional<RollbackChunk.Tally>>> running = new ArrayList<>();
      for (RollbackWorkers.Slice slice : slices) {
        running.add(pool.submit(() -> chunk.check(slice.from(), slice.to(), task)));
      }
      List<Optional<RollbackChunk.Tally>> tallies = new ArrayList<>();
      for (Future<Optional<RollbackChunk.Tally>> each : running) {
        tallies.add(each.get());
      }
      return tallies;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw MigtestException.environment("The rollback gate failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigtestException.environment("The rollback gate was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.migtest.gate;

import io.migtest.mutation.Mutant;
import io.migtest.mutation.MutantResult;
import io.migtest.mutation.MutationEngine;
import io.migtest.mutation.MutationState;
import io.migtest.mutation.TestContents;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mutation gate's memory between runs: results from the state file that still hold are reused,
 * and new results are written to the file as they come, at most every {@link #SAVE_EVERY} (each
 * write rewrites and signs the whole file, which for thousands of mutants would cost more than they
 * do) and once more at the end, so a run that is killed resumes where it stopped, less the results
 * of its last half second.
 */
final class KeptMutants {
  static final Duration SAVE_EVERY = Duration.ofMillis(500);

  private final MutationState state;
  private final MutationStateFile file;
  private final MutationEngine engine;
  private final TestContents tests;
  private final AtomicInteger reused = new AtomicInteger();
  private long savedAt = System.nanoTime() - SAVE_EVERY.toNanos();
  private boolean unsaved;

  /**
   * @param file where the state is written, or null to keep nothing
   */
  KeptMutants(
      MutationState state, MutationStateFile file, MutationEngine engine, TestContents tests) {
    this.state = state;
    this.file = file;
    this.engine = engine;
    this.tests = tests;
  }

  /** The result of {@code mutant} a earlier run found, when it still holds. */
  Optional<MutantResult> reuse(Mutant mutant) {
    Optional<MutantResult> kept = state.reuse(mutant, engine.inputsOf(mutant), tests);
    kept.ifPresent(k -> reused.incrementAndGet());
    return kept;
  }

  /** Keeps {@code result}, and writes the state file unless it was written just now. */
  void record(MutantResult result) {
    state.record(result, engine.inputsOf(result.mutant()), tests);
    if (file != null) {
      synchronized (this) {
        unsaved = true;
        if (System.nanoTime() - savedAt >= SAVE_EVERY.toNanos()) {
          save();
        }
      }
    }
  }

  /** Writes the results not written yet. */
  synchronized void flush() {
    if (file != null && unsaved) {
      save();
    }
  }

  private void save() {
    file.save(state);
    savedAt = System.nanoTime();
    unsaved = false;
  }

  /** How many results came from the state file. */
  int reused() {
    return reused.get();
  }
}

package io.migtest.gate;

import io.migtest.mutation.Mutant;
import io.migtest.mutation.MutantResult;
import io.migtest.mutation.MutationEngine;
import io.migtest.mutation.MutationState;
import io.migtest.mutation.TestContents;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The mutation gate's memory between runs: results from the state file that still hold are reused,
 * and each new result is written to the file as soon as it is known, so a run that is killed
 * resumes where it stopped.
 */
final class KeptMutants {
  private final MutationState state;
  private final MutationStateFile file;
  private final MutationEngine engine;
  private final TestContents tests;
  private final AtomicInteger reused = new AtomicInteger();

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

  /** Keeps {@code result} and writes the state file. */
  void record(MutantResult result) {
    state.record(result, engine.inputsOf(result.mutant()), tests);
    if (file != null) {
      synchronized (this) {
        file.save(state);
      }
    }
  }

  /** How many results came from the state file. */
  int reused() {
    return reused.get();
  }
}

package io.migtest.mutation;

/** How a mutant ended, as Stryker and PIT name it (MUTATION-CATALOG, statuses). */
public enum MutantStatus {
  /** An oracle's verdict differed from the one on the original: the tests noticed. */
  KILLED(true, true),
  /** The mutant ran out of time (a lock wait, the statement timeout): counts as noticed. */
  TIMEOUT(true, true),
  /** Every covering oracle gave the original's verdict: the tests did not notice. */
  SURVIVED(true, false),
  /** No test touches or names what the mutant changed; not run. */
  NO_COVERAGE(true, false),
  /** The mutated migration does not apply: the mutant is stillborn, not counted. */
  INVALID(false, false),
  /** It cannot behave differently from the original (a static rule, or the same schema). */
  EQUIVALENT(false, false),
  /** Turned off by configuration. */
  IGNORED(false, false),
  /** migtest's own infrastructure failed on it (a lost connection); not counted. */
  ERROR(false, false);

  private final boolean counted;
  private final boolean detected;

  MutantStatus(boolean counted, boolean detected) {
    this.counted = counted;
    this.detected = detected;
  }

  /** Whether it is in the score's denominator. */
  public boolean counted() {
    return counted;
  }

  /** Whether it is in the score's numerator. */
  public boolean detected() {
    return detected;
  }
}

package io.migtest.mutation;

/**
 * How one mutant ended.
 *
 * @param killedBy what noticed it: {@code test:<file>} for one of the project's tests, {@code
 *     gate:rollback} or {@code gate:data} for migtest's own checks; null unless KILLED
 * @param detail what happened, for the report (the failing expectation, why it is invalid)
 */
public record MutantResult(Mutant mutant, MutantStatus status, String killedBy, String detail) {

  /** Killed by one of the project's own tests (not a built-in check). */
  public boolean killedByTests() {
    return status == MutantStatus.KILLED && killedBy != null && killedBy.startsWith("test:");
  }
}

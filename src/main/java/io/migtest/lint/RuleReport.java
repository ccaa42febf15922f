package io.migtest.lint;

/** Where a rule reports what it found; severity, file and suppression are added for it. */
public interface RuleReport {
  /** A finding spanning {@code statement}. */
  void at(LintStatement statement, String message);

  /**
   * A finding the rule could not verify (no database to ask, a function it does not know): it never
   * blocks the merge, so it is a warning at most, whatever the rule's severity.
   */
  void unverified(LintStatement statement, String message);
}

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

  /**
   * A finding about dropping an object the rule takes to exist: without a database that rests on
   * the files alone, and a {@code DROP ... IF EXISTS} says its author is not sure of it either, so
   * then it is {@link #unverified}; otherwise it has the rule's severity.
   */
  default void drop(
      LintStatement statement, boolean ifExists, LintContext context, String message) {
    if (ifExists && context.withoutDatabase()) {
      unverified(statement, message);
    } else {
      at(statement, message);
    }
  }
}

package io.migtest.lint;

/** Where a rule reports what it found; severity, file and suppression are added for it. */
public interface RuleReport {
  /** A finding spanning {@code statement}. */
  void at(LintStatement statement, String message);
}

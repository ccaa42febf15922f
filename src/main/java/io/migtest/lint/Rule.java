package io.migtest.lint;

import io.migtest.finding.Severity;

/**
 * A lint rule: one class per rule, with a kebab-case id that never changes once released, a default
 * severity, a one-line summary for {@code migtest rules}, and a page {@code rules/<id>.md} among
 * the resources (the problem, why it hurts in production, the safe way, an example). Rules hold no
 * state: what a script did before a statement is in the {@link LintContext}.
 */
public interface Rule {
  String id();

  Severity severity();

  String summary();

  /**
   * Whether the rule also looks at down scripts. Breaking-change rules do not: a rollback drops
   * what its up created on purpose.
   */
  default boolean checksDownScripts() {
    return true;
  }

  /** Looks at one statement, with what the scripts before it did in {@code context}. */
  void check(LintStatement statement, LintContext context, RuleReport report);
}

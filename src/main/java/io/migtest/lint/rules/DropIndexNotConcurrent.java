package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP INDEX} without {@code CONCURRENTLY} on an index of the base state: PostgreSQL locks
 * the index's table ACCESS EXCLUSIVE, so while it waits for running transactions every query on the
 * table queues behind it.
 */
public final class DropIndexNotConcurrent implements Rule {
  @Override
  public String id() {
    return "drop-index-not-concurrent";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "DROP INDEX without CONCURRENTLY locks the table against reads and writes";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (!t.startsWith("drop", "index") || t.matchesAt(2, "concurrently")) {
      return;
    }
    List<String> existing = new ArrayList<>();
    for (Tokens name : t.from(t.skipIfExists(2)).splitAtTopLevelCommas()) {
      QualifiedName index = name.nameAt(0);
      if (index != null && context.existedBefore(index)) {
        existing.add(index.toString());
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    report.at(
        statement,
        "DROP INDEX "
            + String.join(", ", existing)
            + " takes an ACCESS EXCLUSIVE lock on the index's table: while it waits for running"
            + " transactions, every read and write of the table queues behind it. Use DROP INDEX"
            + " CONCURRENTLY IF EXISTS, one index per statement and without CASCADE, in a"
            + " migration that does not run in a transaction."
            + context.assumption());
  }
}

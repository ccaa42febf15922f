package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.TableLock;
import java.util.Optional;

/**
 * A statement that takes an ACCESS EXCLUSIVE lock on an existing table with no {@code lock_timeout}
 * set before it: while it waits for a long transaction to finish, every query on the table queues
 * behind it. Reported once per script, at the first such statement.
 */
public final class MissingLockTimeout implements Rule {
  @Override
  public String id() {
    return "missing-lock-timeout";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "ACCESS EXCLUSIVE lock on an existing table without a lock_timeout set first";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    if (context.lockTimeoutSet()) {
      return;
    }
    Optional<TableLock> lock = context.accessExclusiveOnExisting(statement);
    if (lock.isPresent() && !context.accessExclusiveEarlier()) {
      report.at(
          statement,
          "This takes an ACCESS EXCLUSIVE lock on "
              + (statement.tokens().startsWith("drop", "index")
                  ? "the table of index " + lock.get().table()
                  : lock.get().table())
              + " with no lock_timeout set: if a long transaction holds the table, this waits, and"
              + " every read and write of the table queues behind it. Start the migration with"
              + " SET lock_timeout = '5s' (and retry on failure)."
              + context.assumption());
    }
  }
}

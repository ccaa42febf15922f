package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;

/** {@code CREATE INDEX} without {@code CONCURRENTLY} on a table that already has rows. */
public final class CreateIndexNotConcurrent implements Rule {
  @Override
  public String id() {
    return "create-index-not-concurrent";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "CREATE INDEX without CONCURRENTLY blocks writes to an existing table while it builds";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    int index =
        t.startsWith("create", "unique", "index") ? 3 : t.startsWith("create", "index") ? 2 : -1;
    if (index < 0 || t.matchesAt(index, "concurrently")) {
      return;
    }
    int on = t.find(index, "on");
    if (on < 0) {
      return;
    }
    boolean only = t.matchesAt(on + 1, "only");
    QualifiedName table = t.nameAt(on + (only ? 2 : 1));
    if (table == null || only || !context.existedBefore(table)) {
      return;
    }
    report.at(
        statement,
        "CREATE INDEX on "
            + table
            + " takes a SHARE lock that blocks every INSERT, UPDATE and DELETE until the index is"
            + " built. Use CREATE INDEX CONCURRENTLY, in a migration that does not run in a"
            + " transaction."
            + context.assumption());
  }
}

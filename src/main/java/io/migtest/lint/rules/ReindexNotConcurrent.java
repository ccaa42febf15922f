package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Locale;

/**
 * {@code REINDEX} without {@code CONCURRENTLY}: the table is locked against writes and each index
 * being rebuilt against every query that would use it, for the whole rebuild. {@code REINDEX
 * SYSTEM} has no concurrent form and is left alone.
 */
public final class ReindexNotConcurrent implements Rule {
  @Override
  public String id() {
    return "reindex-not-concurrent";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "REINDEX without CONCURRENTLY blocks writes, and queries that use the index";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (!t.startsWith("reindex") || concurrently(t)) {
      return;
    }
    int kind = t.matchesAt(1, "(") ? t.closing(1) + 1 : 1;
    if (kind >= t.size() || t.matchesAt(kind, "system")) {
      return;
    }
    QualifiedName target = t.nameAt(kind + 1);
    boolean relation = t.matchesAt(kind, "index") || t.matchesAt(kind, "table");
    if (relation && target != null && !context.existedBefore(target)
        || t.matchesAt(kind, "schema")
            && target != null
            && !context.schemaExistedBefore(target.name())) {
      return;
    }
    String what = t.get(kind).value().toUpperCase(Locale.ROOT);
    report.at(
        statement,
        "REINDEX "
            + what
            + (target == null ? "" : " " + target)
            + " blocks writes to each table it rebuilds indexes of, and every query that would"
            + " use an index waits until that index is rebuilt. Use REINDEX "
            + what
            + " CONCURRENTLY (PostgreSQL 12 and later), in a migration that does not run in a"
            + " transaction."
            + (relation ? context.assumption() : ""));
  }

  /** {@code CONCURRENTLY} after the kind, or in the options list and not turned off. */
  private static boolean concurrently(Tokens t) {
    int at = t.find(0, "concurrently");
    return at >= 0
        && !t.matchesAt(at + 1, "false")
        && !t.matchesAt(at + 1, "off")
        && !(at + 1 < t.size() && t.get(at + 1).value().equals("0"));
  }
}

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
import java.util.stream.Collectors;

/**
 * {@code TRUNCATE} of a table that exists in production in an up script: every row is deleted, with
 * {@code CASCADE} also those of every table that references it, under an ACCESS EXCLUSIVE lock.
 */
public final class TruncateExistingTable implements Rule {
  @Override
  public String id() {
    return "truncate-existing-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "TRUNCATE deletes every row of an existing table (CASCADE: of the tables referencing it)";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (!t.startsWith("truncate")) {
      return;
    }
    List<QualifiedName> existing = new ArrayList<>();
    for (Tokens part : t.from(t.matchesAt(1, "table") ? 2 : 1).splitAtTopLevelCommas()) {
      QualifiedName table = part.nameAt(part.matchesAt(0, "only") ? 1 : 0);
      if (table != null && context.existedBefore(table)) {
        existing.add(table);
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    String tables =
        existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
    String them = existing.size() == 1 ? "it" : "them";
    report.at(
        statement,
        "TRUNCATE deletes every row of "
            + tables
            + " in production, and blocks every read and write of "
            + them
            + " meanwhile."
            + (TopLevel.has(t, "cascade")
                ? " CASCADE also empties every table that references "
                    + them
                    + " by a foreign key, and the tables that reference those."
                : "")
            + " If the rows must go, delete them in batches in a data migration; if emptying"
            + " the table is intended, say so with -- migtest:ignore truncate-existing-table"
            + " <reason>."
            + context.assumption());
  }
}

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
 * A table that exists in production dropped: its rows are gone, and the application version still
 * running during the deployment fails on every query that uses it.
 */
public final class DropTable implements Rule {
  @Override
  public String id() {
    return "drop-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Dropping a table loses its data and breaks the application version still running";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (!t.startsWith("drop", "table")) {
      return;
    }
    List<QualifiedName> existing = new ArrayList<>();
    for (Tokens part : t.from(t.skipIfExists(2)).splitAtTopLevelCommas()) {
      QualifiedName table = part.nameAt(0);
      if (table != null && context.existedBefore(table)) {
        existing.add(table);
      }
    }
    if (existing.isEmpty()) {
      return;
    }
    String tables =
        existing.stream().map(QualifiedName::toString).collect(Collectors.joining(", "));
    boolean one = existing.size() == 1;
    report.drop(
        statement,
        t.matchesAt(2, "if", "exists"),
        context,
        "Dropping "
            + tables
            + " deletes "
            + (one ? "its" : "their")
            + " rows for good, and the application version still running during the deployment"
            + " fails on every query that uses "
            + (one ? "it" : "them")
            + "."
            + (TopLevel.has(t, "cascade")
                ? " CASCADE also drops the views and foreign keys that depend on "
                    + (one ? "it" : "them")
                    + "."
                : "")
            + (one
                ? " Stop using the table in one release, drop it in a later one"
                : " Stop using the tables in one release, drop them in a later one")
            + " (keep a backup if the data may be needed), and say so with -- migtest:ignore"
            + " drop-table <reason>."
            + context.assumption());
  }
}

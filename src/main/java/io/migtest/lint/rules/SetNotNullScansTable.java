package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * {@code SET NOT NULL} on a column of an existing table: PostgreSQL scans every row under an ACCESS
 * EXCLUSIVE lock, unless a validated {@code CHECK (c IS NOT NULL)} already proves it.
 */
public final class SetNotNullScansTable implements Rule {
  @Override
  public String id() {
    return "set-not-null-scans-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "SET NOT NULL scans an existing table under ACCESS EXCLUSIVE without a validated CHECK";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      String column = AlterTable.alteredColumn(action);
      if (column == null
          || !action.has("set", "not", "null")
          || !context.columnExistedBefore(alter.table(), column)
          || context.catalog().hasValidatedNotNullCheck(alter.table(), column)) {
        continue;
      }
      report.at(
          statement,
          "SET NOT NULL on "
              + alter.table()
              + "."
              + column
              + " reads every row while the table is locked against reads and writes."
              + " First add CHECK ("
              + column
              + " IS NOT NULL) NOT VALID and VALIDATE it in a later migration; SET"
              + " NOT NULL then needs no scan (PostgreSQL 12 and later)."
              + context.assumption());
    }
  }
}

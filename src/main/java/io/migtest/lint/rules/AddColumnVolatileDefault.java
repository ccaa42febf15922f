package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.DefaultVolatility;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * {@code ADD COLUMN ... DEFAULT f()} on an existing table where {@code f} is volatile: PostgreSQL
 * computes the default for every row and rewrites the table under ACCESS EXCLUSIVE. A default that
 * is a constant or a stable call ({@code now()}) is only recorded in the catalog (PostgreSQL 11 and
 * later).
 */
public final class AddColumnVolatileDefault implements Rule {
  @Override
  public String id() {
    return "add-column-volatile-default";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "ADD COLUMN with a volatile DEFAULT rewrites an existing table under ACCESS EXCLUSIVE";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      ColumnDefinition column = ColumnDefinition.added(alter.table(), action).orElse(null);
      if (column == null || column.defaultExpression().isEmpty()) {
        continue;
      }
      Tokens expression = column.defaultExpression().get();
      DefaultVolatility v = DefaultVolatility.of(expression, context);
      String target = alter.table() + "." + column.name();
      switch (v.verdict()) {
        case VOLATILE ->
            report.at(
                statement,
                "Adding "
                    + target
                    + " with DEFAULT "
                    + expression
                    + " rewrites the whole table while it is locked against reads and"
                    + " writes, because "
                    + v.function()
                    + "() is volatile and is computed for every row. Add the column"
                    + " without the default (or with a constant one), SET DEFAULT for"
                    + " new rows, and fill the existing rows in batches."
                    + context.assumption());
        case UNKNOWN ->
            report.unverified(
                statement,
                "Could not verify the default of "
                    + target
                    + ": "
                    + v.function()
                    + "() is not in "
                    + (context.catalog().known()
                        ? "the base state's catalog"
                        : "migtest's list of built-ins (linted without a database)")
                    + " nor created by this pull request. If it is volatile, the whole"
                    + " table is rewritten under an ACCESS EXCLUSIVE lock; if it is"
                    + " STABLE or IMMUTABLE, the column is added in the catalog only."
                    + context.assumption());
        case NOT_VOLATILE -> {}
      }
    }
  }
}

package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ADD COLUMN} on an existing table with a stored generated column, an identity column or a
 * {@code serial} type: each needs a value computed for every existing row, so PostgreSQL rewrites
 * the table and its indexes under ACCESS EXCLUSIVE.
 */
public final class AddColumnRewritesTable implements Rule {
  /** The serial pseudo-type behind each integer type, for the message. */
  private static final Map<String, String> SERIALS =
      Map.of("smallint", "smallserial", "integer", "serial", "bigint", "bigserial");

  @Override
  public String id() {
    return "add-column-rewrites-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "ADD COLUMN with GENERATED ... STORED, IDENTITY or serial rewrites an existing table";
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
      String kind =
          column == null
              ? null
              : column.generatedStored()
                  ? "a stored generated column"
                  : column.identity()
                      ? "an identity column"
                      : column.type().serial()
                          ? "a " + SERIALS.get(column.type().name()) + " column"
                          : null;
      if (kind == null) {
        continue;
      }
      report.at(
          statement,
          "Adding "
              + alter.table()
              + "."
              + column.name()
              + " as "
              + kind
              + " computes a value for every existing row: the table and its indexes"
              + " are rewritten while it is locked against reads and writes. Add a"
              + " plain column, fill new rows with a trigger (or a DEFAULT from a"
              + " sequence set afterwards), backfill the existing rows in batches, then"
              + " add the constraints."
              + context.assumption());
    }
  }
}

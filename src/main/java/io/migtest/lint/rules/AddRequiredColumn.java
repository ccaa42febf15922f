package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * A {@code NOT NULL} column without a default added to a table that exists in production: the
 * statement fails as soon as the table has a row, and if it runs on an empty table, every INSERT of
 * the application version still running fails, since it leaves the new column out.
 */
public final class AddRequiredColumn implements Rule {
  @Override
  public String id() {
    return "add-required-column";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A NOT NULL column without a default fails on existing rows and on old INSERTs";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
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
      if (column != null && required(column)) {
        report.at(
            statement,
            "Adding "
                + alter.table()
                + "."
                + column.name()
                + " as NOT NULL without a DEFAULT fails in production as soon as "
                + alter.table()
                + " has a row, and every INSERT of the application version still"
                + " running fails, since it leaves "
                + column.name()
                + " out. Give it a DEFAULT (a constant one does not rewrite the table,"
                + " PostgreSQL 11 and later), or add it nullable, backfill it, and set"
                + " NOT NULL in a later migration."
                + context.assumption());
      }
    }
  }

  /**
   * Whether a column is NOT NULL (or the primary key) and gets no value of its own: no serial type,
   * no {@code GENERATED} clause, no {@code DEFAULT} other than {@code DEFAULT NULL}.
   */
  private static boolean required(ColumnDefinition column) {
    boolean hasDefault = column.defaultExpression().filter(d -> !d.startsWith("null")).isPresent();
    return (column.notNull() || column.primaryKey())
        && !column.type().serial()
        && column.generated() == ColumnDefinition.Generated.NONE
        && !hasDefault;
  }
}

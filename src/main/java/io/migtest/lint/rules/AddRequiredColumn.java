package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.Tokens;
import java.util.Set;

/**
 * A {@code NOT NULL} column without a default added to a table that exists in production: the
 * statement fails as soon as the table has a row, and if it runs on an empty table, every INSERT of
 * the application version still running fails, since it leaves the new column out.
 */
public final class AddRequiredColumn implements Rule {
  private static final Set<String> TABLE_CONSTRAINTS =
      Set.of("constraint", "primary", "unique", "check", "foreign", "exclude");
  private static final Set<String> SERIALS =
      Set.of("smallserial", "serial", "bigserial", "serial2", "serial4", "serial8");

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
    AlterTable.of(statement.tokens())
        .filter(alter -> context.existedBefore(alter.table()))
        .ifPresent(
            alter -> {
              for (Tokens action : alter.actions()) {
                if (!action.startsWith("add") || action.size() < 2) {
                  continue;
                }
                boolean keyword = action.matchesAt(1, "column");
                if (!keyword && TABLE_CONSTRAINTS.contains(action.get(1).value())) {
                  continue;
                }
                int name = action.skipIfNotExists(keyword ? 2 : 1);
                QualifiedName column = action.nameAt(name);
                if (column != null && required(action.from(name + 1))) {
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
            });
  }

  /** Whether a column definition makes the column NOT NULL and gives it no value of its own. */
  private static boolean required(Tokens definition) {
    boolean notNull =
        TopLevel.has(definition, "not", "null") || TopLevel.has(definition, "primary", "key");
    boolean serial =
        !definition.isEmpty()
            && definition.get(0).kind() == Kind.WORD
            && SERIALS.contains(definition.get(0).value());
    return notNull && !serial && !TopLevel.has(definition, "generated") && !hasDefault(definition);
  }

  /** A {@code DEFAULT} other than {@code DEFAULT NULL}, and not the one of {@code SET DEFAULT}. */
  private static boolean hasDefault(Tokens definition) {
    for (int i = TopLevel.find(definition, 0, "default");
        i >= 0;
        i = TopLevel.find(definition, i + 1, "default")) {
      if (!definition.matchesAt(i - 1, "set") && !definition.matchesAt(i + 1, "null")) {
        return true;
      }
    }
    return false;
  }
}

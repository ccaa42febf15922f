package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.BaseCatalog.Column;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code SET NOT NULL}, or a {@code CHECK (c IS NOT NULL)}, on a nullable column that exists in
 * production and has no default: writers of the application version still running that leave the
 * column out start failing, and so does the migration if a row holds NULL. This is about running
 * code; {@code set-not-null-scans-table} is about the lock and the scan.
 */
public final class NotNullOnExistingColumn implements Rule {
  @Override
  public String id() {
    return "not-null-on-existing-column";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "NOT NULL on an existing column without a default breaks writers that leave it out";
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
    List<Tokens> actions = alter.actions();
    for (Tokens action : actions) {
      String checked = notNullCheckColumn(action);
      String set = setNotNullColumn(action);
      String column = checked != null ? checked : set;
      if (column == null || !context.columnExistedBefore(alter.table(), column)) {
        continue;
      }
      Optional<Column> base = context.baseColumn(alter.table(), column);
      boolean settled =
          base.map(Column::notNull).orElse(false)
              || set != null
                  && (context.catalog().hasValidatedNotNullCheck(alter.table(), column)
                      || checkAddedEarlier(context, alter.table(), column))
              || hasDefault(context, alter.table(), column, base, actions);
      if (settled) {
        continue;
      }
      report.at(
          statement,
          (checked != null ? "CHECK (" + column + " IS NOT NULL)" : "SET NOT NULL")
              + " on "
              + alter.table()
              + "."
              + column
              + ", which has no default: the application version still running fails"
              + " on every INSERT that leaves "
              + column
              + " out and every write of NULL to it, and rows that are NULL now make"
              + " the migration"
              + (checked != null ? " (or its later VALIDATE)" : "")
              + " fail. Set a default first or release code that always writes "
              + column
              + ", backfill the NULLs in batches, then add the constraint."
              + context.assumption()
              + (context.catalog().known()
                  ? ""
                  : " Nor can it see a default the column may have."));
    }
  }

  /** The column of an {@code ALTER [COLUMN] c SET NOT NULL} action, or null. */
  private static String setNotNullColumn(Tokens action) {
    String column = AlterTable.alteredColumn(action);
    int i = action.afterName(action.matchesAt(1, "column") ? 2 : 1);
    return column != null && action.matchesAt(i, "set", "not", "null") ? column : null;
  }

  /** The column of an {@code ADD [CONSTRAINT n] CHECK (c IS NOT NULL)} action, or null. */
  private static String notNullCheckColumn(Tokens action) {
    int check =
        action.matchesAt(1, "check")
            ? 1
            : action.matchesAt(1, "constraint") && action.matchesAt(3, "check") ? 3 : -1;
    if (!action.startsWith("add") || check < 0 || !action.matchesAt(check + 1, "(")) {
      return null;
    }
    Tokens inner = action.slice(check + 2, action.closing(check + 1));
    while (inner.startsWith("(") && inner.closing(0) == inner.size() - 1) {
      inner = inner.slice(1, inner.size() - 1);
    }
    return inner.size() == 4 && inner.get(0).isName() && inner.matchesAt(1, "is", "not", "null")
        ? inner.get(0).value()
        : null;
  }

  private static boolean checkAddedEarlier(
      LintContext context, QualifiedName table, String column) {
    return context.earlierStatements().stream()
        .flatMap(s -> AlterTable.of(s.tokens()).stream())
        .filter(alter -> alter.table().sameAs(table))
        .flatMap(alter -> alter.actions().stream())
        .anyMatch(action -> column.equals(notNullCheckColumn(action)));
  }

  /**
   * Whether the column has a default once this statement commits: in the base state, then as the
   * pull request's {@code SET DEFAULT} and {@code DROP DEFAULT} actions, this statement's included,
   * left it.
   */
  private static boolean hasDefault(
      LintContext context,
      QualifiedName table,
      String column,
      Optional<Column> base,
      List<Tokens> statementActions) {
    boolean hasDefault = base.map(Column::hasDefault).orElse(false);
    List<Tokens> actions =
        Stream.concat(
                context.earlierStatements().stream()
                    .flatMap(s -> AlterTable.of(s.tokens()).stream())
                    .filter(alter -> alter.table().sameAs(table))
                    .flatMap(alter -> alter.actions().stream()),
                statementActions.stream())
            .toList();
    for (Tokens action : actions) {
      if (!column.equals(AlterTable.alteredColumn(action))) {
        continue;
      }
      int i = action.afterName(action.matchesAt(1, "column") ? 2 : 1);
      if (action.matchesAt(i, "set", "default")) {
        hasDefault = !action.matchesAt(i + 2, "null");
      } else if (action.matchesAt(i, "drop", "default")) {
        hasDefault = false;
      }
    }
    return hasDefault;
  }
}

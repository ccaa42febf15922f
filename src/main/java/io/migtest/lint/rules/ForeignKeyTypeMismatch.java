package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.ColumnType;
import io.migtest.lint.ForeignKey;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import java.util.List;
import java.util.Optional;

/**
 * A new foreign key whose column's type differs from the referenced column's ({@code integer}
 * referencing {@code bigint}): keys of the referenced table stop fitting, and aligning the types
 * later rewrites a table. The referenced type comes from this pull request or the base catalog.
 */
public final class ForeignKeyTypeMismatch implements Rule {
  @Override
  public String id() {
    return "foreign-key-type-mismatch";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A foreign key column whose type differs from the column it references";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    List<ColumnDefinition> defined = ColumnDefinition.of(statement.tokens());
    for (ForeignKey key : ForeignKey.of(statement.tokens())) {
      List<String> target =
          key.referencedColumns().isEmpty()
              ? primaryKey(key.referenced(), defined, context).orElse(List.of())
              : key.referencedColumns();
      if (target.size() != key.columns().size()) {
        continue;
      }
      for (int i = 0; i < target.size(); i++) {
        Optional<ColumnType> from = type(key.table(), key.columns().get(i), defined, context);
        Optional<ColumnType> to = type(key.referenced(), target.get(i), defined, context);
        if (from.isEmpty() || to.isEmpty() || from.get().sameAs(to.get())) {
          continue;
        }
        report.at(
            statement,
            key.table()
                + "."
                + key.columns().get(i)
                + " is "
                + from.get()
                + " but references "
                + key.referenced()
                + "."
                + target.get(i)
                + ", which is "
                + to.get()
                + ": "
                + why(from.get(), to.get(), key.referenced())
                + " Give "
                + key.columns().get(i)
                + " the type "
                + to.get()
                + ".");
      }
    }
  }

  private static String why(ColumnType from, ColumnType to, QualifiedName referenced) {
    if (from.isShortInteger() && to.name().equals("bigint")
        || from.name().equals("smallint") && to.name().equals("integer")) {
      return "once "
          + referenced
          + " has keys beyond "
          + from.name()
          + "'s range, rows that refer to them cannot be written, and widening the column"
          + " then rewrites its table under an ACCESS EXCLUSIVE lock.";
    }
    return "some keys of "
        + referenced
        + " may not fit, every check and join converts between the types, and aligning them"
        + " later rewrites a table.";
  }

  private static Optional<ColumnType> type(
      QualifiedName table, String column, List<ColumnDefinition> defined, LintContext context) {
    return defined.stream()
        .filter(c -> c.table().sameAs(table) && c.name().equals(column))
        .map(ColumnDefinition::type)
        .reduce((first, last) -> last)
        .or(() -> context.columnType(table, column));
  }

  private static Optional<List<String>> primaryKey(
      QualifiedName table, List<ColumnDefinition> defined, LintContext context) {
    return defined.stream()
        .filter(c -> c.table().sameAs(table) && c.primaryKey())
        .map(c -> List.of(c.name()))
        .findFirst()
        .or(() -> context.primaryKey(table));
  }
}

package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.List;
import java.util.Optional;

/**
 * A column of an existing table changed to a type that holds fewer values than the old one: rows
 * that do not fit make the migration fail in production, or change without an error (rounding, a
 * dropped time zone), and the application version still running keeps writing values of the old
 * type. The old type comes from the base catalog, or from an earlier type change in the pull
 * request; without either (no database) the rule cannot verify the change and stays silent.
 */
public final class NarrowingTypeChange implements Rule {
  @Override
  public String id() {
    return "narrowing-type-change";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A column type change to a narrower type fails on, or silently changes, existing data";
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
                TypeChange.of(action)
                    .ifPresent(change -> check(statement, alter.table(), change, context, report));
              }
            });
  }

  private static void check(
      LintStatement statement,
      QualifiedName table,
      TypeChange change,
      LintContext context,
      RuleReport report) {
    String column = change.column();
    if (!context.columnExistedBefore(table, column)) {
      return;
    }
    Optional<SqlType> old =
        typeSetEarlier(context, table, column)
            .or(() -> context.baseColumn(table, column).map(c -> SqlType.parse(c.type())));
    if (old.isEmpty()) {
      return;
    }
    SqlType next = SqlType.of(change.type());
    Optional<List<String>> labels =
        next.userType() == null ? Optional.empty() : EnumTypes.labels(context, next.userType());
    List<String> losses = TypeNarrowing.losses(old.get(), next, labels);
    if (losses.isEmpty()) {
      return;
    }
    boolean fails = losses.stream().anyMatch(l -> l.startsWith("fails"));
    boolean silent = losses.stream().anyMatch(l -> l.endsWith("without an error"));
    report.at(
        statement,
        "Changing "
            + table
            + "."
            + column
            + " from "
            + old.get()
            + " to "
            + next
            + " "
            + String.join(", and ", losses)
            + "."
            + (fails
                ? " Production rows that do not fit make the migration fail, and the application"
                    + " version still running fails when it writes such values."
                : "")
            + (silent ? " Production data changes and nothing reports it." : "")
            + (fails
                ? " Keep the wider type and enforce a limit with a CHECK constraint (added NOT"
                    + " VALID, validated later), or check production data and release code that"
                    + " fits the new type first."
                : " Keep the old type, or make sure no production value needs what the change"
                    + " drops.")
            + context.assumption());
  }

  /** The type an earlier statement of the pull request gave the column, if one did. */
  private static Optional<SqlType> typeSetEarlier(
      LintContext context, QualifiedName table, String column) {
    Optional<SqlType> type = Optional.empty();
    for (var s : context.earlierStatements()) {
      Optional<AlterTable> alter = AlterTable.of(s.tokens()).filter(a -> a.table().sameAs(table));
      for (Tokens action : alter.map(AlterTable::actions).orElse(List.of())) {
        Optional<TypeChange> change = TypeChange.of(action).filter(c -> c.column().equals(column));
        if (change.isPresent()) {
          type = Optional.of(SqlType.of(change.get().type()));
        }
      }
    }
    return type;
  }
}

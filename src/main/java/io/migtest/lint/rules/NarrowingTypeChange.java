package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.ColumnType;
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
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      ColumnDefinition.retyped(alter.table(), action)
          .ifPresent(change -> check(statement, alter.table(), change, context, report));
    }
  }

  private static void check(
      LintStatement statement,
      QualifiedName table,
      ColumnDefinition change,
      LintContext context,
      RuleReport report) {
    String column = change.name();
    if (!context.columnExistedBefore(table, column)) {
      return;
    }
    Optional<ColumnType> old =
        typeSetEarlier(context, table, column)
            .or(() -> context.baseColumn(table, column).map(c -> ColumnType.parse(c.type())));
    if (old.isEmpty()) {
      return;
    }
    ColumnType next = change.type();
    Optional<List<String>> labels =
        TypeNarrowing.family(next) == TypeNarrowing.Family.USER
            ? EnumTypes.labels(context, next.qualifiedName())
            : Optional.empty();
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
  private static Optional<ColumnType> typeSetEarlier(
      LintContext context, QualifiedName table, String column) {
    Optional<ColumnType> type = Optional.empty();
    for (var s : context.earlierStatements()) {
      for (ColumnDefinition change : ColumnDefinition.of(s.tokens())) {
        if (change.source() == ColumnDefinition.Source.ALTER_TYPE
            && change.table().sameAs(table)
            && change.name().equals(column)) {
          type = Optional.of(change.type());
        }
      }
    }
    return type;
  }
}

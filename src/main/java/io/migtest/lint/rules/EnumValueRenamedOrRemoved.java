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
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.Tokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An enum value that production has, renamed ({@code ALTER TYPE ... RENAME VALUE}) or removed (a
 * column moved to a new enum without it, the way enum values are removed): the application version
 * still running writes the old value and fails, and rows holding it make a type change fail. The
 * base state's labels come from {@code pg_enum}; a column's old type needs a database.
 */
public final class EnumValueRenamedOrRemoved implements Rule {
  @Override
  public String id() {
    return "enum-value-renamed-or-removed";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Renaming or removing an enum value breaks the application still writing it";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (t.startsWith("alter", "type")) {
      checkRenameValue(statement, t, context, report);
      return;
    }
    AlterTable.ofExisting(statement, context)
        .ifPresent(
            alter -> {
              for (Tokens action : alter.actions()) {
                ColumnDefinition.retyped(alter.table(), action)
                    .ifPresent(change -> checkTypeChange(statement, change, context, report));
              }
            });
  }

  private static void checkRenameValue(
      LintStatement statement, Tokens t, LintContext context, RuleReport report) {
    QualifiedName type = t.nameAt(2);
    int i = t.afterName(2);
    if (type == null
        || !t.matchesAt(i, "rename", "value")
        || !t.matchesAt(i + 3, "to")
        || t.size() <= i + 4
        || t.get(i + 2).kind() != Kind.STRING) {
      return;
    }
    String label = t.get(i + 2).value();
    String renamed = t.get(i + 4).value();
    boolean base =
        context.typeExistedBefore(type)
            && !EnumTypes.addedInPullRequest(context, type).contains(label)
            && (!context.catalog().known()
                || context.catalog().enumLabels(type).map(l -> l.contains(label)).orElse(false));
    if (!base) {
      return;
    }
    report.at(
        statement,
        "Renaming value '"
            + label
            + "' of "
            + type
            + " to '"
            + renamed
            + "' breaks the application version still running during the deployment: it still"
            + " writes and compares '"
            + label
            + "', which stops being a value of "
            + type
            + ". Add '"
            + renamed
            + "' with ALTER TYPE ... ADD VALUE, release code that accepts both, move the rows"
            + " with UPDATE, and stop writing '"
            + label
            + "'."
            + context.assumption());
  }

  private static void checkTypeChange(
      LintStatement statement, ColumnDefinition change, LintContext context, RuleReport report) {
    Optional<ColumnType> old =
        context.baseColumn(change.table(), change.name()).map(c -> ColumnType.parse(c.type()));
    ColumnType next = change.type();
    if (old.isEmpty() || old.get().array() != next.array()) {
      return;
    }
    Optional<List<String>> before = context.catalog().enumLabels(old.get().qualifiedName());
    Optional<List<String>> after = EnumTypes.labels(context, next.qualifiedName());
    if (before.isEmpty() || after.isEmpty()) {
      return;
    }
    Set<String> removed = new LinkedHashSet<>(before.get());
    removed.removeAll(after.get());
    if (removed.isEmpty()) {
      return;
    }
    String values = removed.stream().map(l -> "'" + l + "'").collect(Collectors.joining(", "));
    report.at(
        statement,
        "Changing "
            + change.table()
            + "."
            + change.name()
            + " from "
            + old.get()
            + " to "
            + next
            + " removes the value"
            + (removed.size() == 1 ? " " : "s ")
            + values
            + ": rows holding "
            + (removed.size() == 1 ? "it" : "them")
            + " make the migration fail in production, and the application version still running"
            + " fails whenever it writes "
            + (removed.size() == 1 ? "it" : "them")
            + ". First release code that no longer writes "
            + values
            + " and move the rows to other values; then change the type.");
  }
}

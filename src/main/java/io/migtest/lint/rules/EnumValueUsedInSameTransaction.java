package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.BaseCatalog;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.ColumnType;
import io.migtest.lint.EnumValueAdded;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A value added with {@code ALTER TYPE e ADD VALUE 'v'} used in the same transaction: PostgreSQL
 * refuses it until the transaction that added it commits ("unsafe use of new value", SQLSTATE
 * 55P04), so the migration fails. A use is the string {@code 'v'} in a statement that names the
 * type {@code e} (a cast, a column definition) or a column of that type (from the base catalog or
 * an earlier statement of the script); without a database, the string in a statement that reads or
 * writes rows or sets a default.
 */
public final class EnumValueUsedInSameTransaction implements Rule {
  @Override
  public String id() {
    return "enum-value-used-in-same-transaction";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "A value added to an enum is used before the transaction that added it commits";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    if (t.startsWith("alter", "type") || t.startsWith("comment")) {
      return;
    }
    for (EnumValueAdded added : context.enumValuesAddedInTransaction()) {
      if (!hasString(t, added.value())) {
        continue;
      }
      boolean certain =
          namesType(t, added.type()) || namesColumnOfType(statement, context, added.type());
      boolean likely =
          !context.catalog().known()
              && (t.startsWith("insert")
                  || t.startsWith("update")
                  || t.startsWith("delete")
                  || t.startsWith("select")
                  || t.startsWith("merge")
                  || t.startsWith("alter", "table") && t.has("default"));
      if (certain || likely) {
        report.at(
            statement,
            "'"
                + added.value()
                + "' was added to "
                + added.type()
                + " on line "
                + added.at().line()
                + " in this same transaction, and PostgreSQL refuses to use a new enum value"
                + " before that transaction commits (unsafe use of new value, SQLSTATE 55P04):"
                + " the migration fails. Add the value in a migration of its own and use it in a"
                + " later one."
                + (certain
                    ? ""
                    : " (Linted without a database: migtest could not check that the value is"
                        + " used as a "
                        + added.type()
                        + ".)"));
        return;
      }
    }
  }

  private static boolean hasString(Tokens t, String value) {
    for (int i = 0; i < t.size(); i++) {
      if (t.get(i).kind() == Kind.STRING && t.get(i).value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static boolean namesType(Tokens t, QualifiedName type) {
    for (int i = 0; i < t.size(); i++) {
      QualifiedName name = t.nameAt(i);
      if (name != null && name.sameAs(type) && !(i > 0 && t.matchesAt(i - 1, "."))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the statement names a column of {@code type}: one of a table it names in the base
   * catalog, or one that an earlier statement of the script declared with that type.
   */
  private static boolean namesColumnOfType(
      LintStatement statement, LintContext context, QualifiedName type) {
    Tokens t = statement.tokens();
    Set<String> declared = declaredColumns(context, type);
    BaseCatalog catalog = context.catalog();
    List<QualifiedName> tables = new ArrayList<>();
    for (int i = 0; i < t.size(); i++) {
      QualifiedName name = t.nameAt(i);
      if (name != null && catalog.relation(name).isPresent()) {
        tables.add(name);
      }
    }
    for (int i = 0; i < t.size(); i++) {
      if (!t.get(i).isName()) {
        continue;
      }
      String word = t.get(i).value();
      if (declared.contains(word)
          || tables.stream()
              .anyMatch(
                  table ->
                      catalog
                          .column(table, word)
                          .map(c -> ColumnType.parse(c.type()).qualifiedName().sameAs(type))
                          .orElse(false))) {
        return true;
      }
    }
    return false;
  }

  /** The columns that statements of the script before this one declared with {@code type}. */
  private static Set<String> declaredColumns(LintContext context, QualifiedName type) {
    Set<String> columns = new HashSet<>();
    List<LintStatement> declaring = new ArrayList<>(context.earlierInScriptStartingWith("create"));
    declaring.addAll(context.earlierInScriptStartingWith("alter"));
    for (LintStatement s : declaring) {
      for (ColumnDefinition d : ColumnDefinition.of(s.tokens())) {
        if (d.source() != ColumnDefinition.Source.ALTER_TYPE
            && d.type().qualifiedName().sameAs(type)) {
          columns.add(d.name());
        }
      }
    }
    return columns;
  }
}

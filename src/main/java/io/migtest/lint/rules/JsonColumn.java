package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;

/**
 * A new or retyped column of type {@code json} rather than {@code jsonb}: json has no equality
 * operator, so common queries on the column fail, and it is parsed again on every access.
 */
public final class JsonColumn implements Rule {
  @Override
  public String id() {
    return "json-column";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "json has no equality operator and is reparsed on every access; use jsonb";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    for (ColumnDefinition column : ColumnDefinition.of(statement.tokens())) {
      if (!column.type().name().equals("json")) {
        continue;
      }
      report.at(
          statement,
          column.table()
              + "."
              + column.name()
              + " is "
              + column.type()
              + ": json keeps the text as written and has no equality operator, so SELECT"
              + " DISTINCT, GROUP BY, UNION and comparisons on the column fail, it cannot have a"
              + " GIN index, and every access parses it again. Use jsonb.");
    }
  }
}

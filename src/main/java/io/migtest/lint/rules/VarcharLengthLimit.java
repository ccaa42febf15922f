package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;

/**
 * A new or retyped column of type {@code varchar(n)}: in PostgreSQL the length is only a check, no
 * faster or smaller than {@code text}, and an arbitrary limit makes valid writes fail.
 */
public final class VarcharLengthLimit implements Rule {
  @Override
  public String id() {
    return "varchar-length-limit";
  }

  @Override
  public Severity severity() {
    return Severity.INFO;
  }

  @Override
  public String summary() {
    return "varchar(n) is text with a length check; prefer text unless the limit is a real rule";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    for (ColumnDefinition column : ColumnDefinition.of(statement.tokens())) {
      if (!column.type().name().equals("character varying")
          || column.type().modifiers().isEmpty()) {
        continue;
      }
      int limit = column.type().modifiers().get(0);
      report.at(
          statement,
          column.table()
              + "."
              + column.name()
              + " is "
              + column.type()
              + ": PostgreSQL stores it exactly like text, and the limit only makes a longer value"
              + " fail its INSERT or UPDATE. Use text; if "
              + limit
              + " characters is a real rule, say so with CHECK (length("
              + column.name()
              + ") <= "
              + limit
              + "), which can later be changed without touching the column.");
    }
  }
}

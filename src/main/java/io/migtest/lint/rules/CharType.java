package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;

/**
 * A new or retyped column of type {@code char(n)} / {@code character(n)} / {@code bpchar}: values
 * are padded with blanks, trailing blanks count in some operations and not in others, and any
 * change of its length rewrites the table. The quoted one-byte {@code "char"} is another type.
 */
public final class CharType implements Rule {
  @Override
  public String id() {
    return "char-type";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "char(n) pads values with blanks and rewrites the table when its length changes";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    for (ColumnDefinition column : ColumnDefinition.of(statement.tokens())) {
      String base = column.type().name();
      if (!base.equals("character") && !base.equals("bpchar")) {
        continue;
      }
      report.at(
          statement,
          column.table()
              + "."
              + column.name()
              + " is "
              + column.type()
              + ": values are padded with blanks to the full length, the padding is ignored when"
              + " comparing but kept by some functions and clients, it is no faster than text, and"
              + " changing the length later rewrites the table. Use text, with a CHECK on"
              + " length("
              + column.name()
              + ") if the length matters.");
    }
  }
}

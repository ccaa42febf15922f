package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;

/**
 * A new or retyped column of type {@code timestamp} (without time zone): it stores a wall-clock
 * reading, not an instant, so the same value means different moments to different sessions.
 */
public final class TimestampWithoutTimeZone implements Rule {
  @Override
  public String id() {
    return "timestamp-without-time-zone";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A timestamp column without time zone stores wall-clock readings, not instants";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    for (ColumnDefinition column : ColumnDefinition.of(statement.tokens())) {
      if (!column.type().name().equals("timestamp without time zone")) {
        continue;
      }
      report.at(
          statement,
          column.table()
              + "."
              + column.name()
              + " is "
              + column.type()
              + ": it stores the date and time as written, without the zone, so sessions with"
              + " another TimeZone setting read a different moment, and times around a daylight"
              + " saving change are ambiguous. Use timestamptz (timestamp with time zone), which"
              + " stores the instant and shows it in each session's zone.");
    }
  }
}

package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * A UNIQUE or PRIMARY KEY constraint added to an existing table without {@code USING INDEX}:
 * PostgreSQL builds its index while the table is locked against reads and writes. Building the
 * index {@code CONCURRENTLY} first and attaching it with {@code USING INDEX} takes only a moment.
 */
public final class UniqueConstraintWithoutIndex implements Rule {
  @Override
  public String id() {
    return "unique-constraint-without-index";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "UNIQUE or PRIMARY KEY added to an existing table builds its index under lock";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      String kind = constraint(action);
      if (kind != null) {
        report.at(
            statement,
            "Adding a "
                + kind
                + " constraint to "
                + alter.table()
                + " builds its index while the table is locked against reads and"
                + " writes. Build a unique index with CREATE UNIQUE INDEX CONCURRENTLY"
                + " first (in a migration outside a transaction), then add the"
                + " constraint with "
                + kind
                + " USING INDEX, which takes only a moment."
                + context.assumption());
        continue;
      }
      ColumnDefinition column = ColumnDefinition.added(alter.table(), action).orElse(null);
      if (column != null && (column.unique() || column.primaryKey())) {
        report.at(
            statement,
            "Adding "
                + alter.table()
                + "."
                + column.name()
                + " with "
                + (column.primaryKey() ? "PRIMARY KEY" : "UNIQUE")
                + " builds an index over every existing row while the table is locked"
                + " against reads and writes. Add the column alone, build the index"
                + " with CREATE UNIQUE INDEX CONCURRENTLY, then add the constraint"
                + " USING INDEX."
                + context.assumption());
      }
    }
  }

  /**
   * {@code UNIQUE} or {@code PRIMARY KEY} for an {@code ADD [CONSTRAINT n]} action without an
   * index.
   */
  private static String constraint(Tokens action) {
    if (!action.startsWith("add") || action.has("using", "index")) {
      return null;
    }
    int i = action.matchesAt(1, "constraint") ? 3 : 1;
    return action.matchesAt(i, "unique")
        ? "UNIQUE"
        : action.matchesAt(i, "primary", "key") ? "PRIMARY KEY" : null;
  }
}

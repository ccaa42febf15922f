package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * An EXCLUDE constraint added to an existing table: its index is built and every row checked under
 * ACCESS EXCLUSIVE, and PostgreSQL has neither a {@code NOT VALID} nor a {@code USING INDEX} form
 * for it, so there is no lock-free way to add one to a table that has rows.
 */
public final class ExclusionConstraintOnExistingTable implements Rule {
  @Override
  public String id() {
    return "exclusion-constraint-on-existing-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "EXCLUDE constraint added to an existing table, built and checked under lock";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      int i = action.matchesAt(1, "constraint") ? 3 : 1;
      if (action.startsWith("add") && action.matchesAt(i, "exclude")) {
        report.at(
            statement,
            "Adding an EXCLUDE constraint to "
                + alter.table()
                + " builds its index and checks every row while the table is locked"
                + " against reads and writes, and there is no NOT VALID or USING INDEX"
                + " form to avoid it. Add it when the table is created, or in a"
                + " maintenance window long enough for the index build."
                + context.assumption());
      }
    }
  }
}

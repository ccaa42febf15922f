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
 * A CHECK or FOREIGN KEY constraint added to an existing table without {@code NOT VALID}: the whole
 * table is scanned under a lock that blocks writes (a FOREIGN KEY also locks the table it
 * references).
 */
public final class ConstraintWithoutNotValid implements Rule {
  @Override
  public String id() {
    return "constraint-without-not-valid";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "CHECK or FOREIGN KEY added without NOT VALID scans an existing table under lock";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Optional<AlterTable> existing = AlterTable.ofExisting(statement, context);
    if (existing.isEmpty()) {
      return;
    }
    AlterTable alter = existing.get();
    for (Tokens action : alter.actions()) {
      if (!action.startsWith("add") || action.has("not", "valid")) {
        continue;
      }
      boolean column =
          !action.matchesAt(1, "constraint")
              && !action.matchesAt(1, "check")
              && !action.matchesAt(1, "foreign");
      String kind =
          action.has("foreign", "key") || action.has("references")
              ? "FOREIGN KEY"
              : action.has("check") ? "CHECK" : null;
      if (kind == null) {
        continue;
      }
      report.at(
          statement,
          (column
                  ? "A column added with a "
                      + kind
                      + " constraint to "
                      + alter.table()
                      + " is checked against every row at once, under lock, and that"
                      + " constraint cannot be NOT VALID. Add the column first, then the"
                      + " constraint NOT VALID and VALIDATE CONSTRAINT in a later"
                      + " migration."
                  : kind
                      + " constraint added to "
                      + alter.table()
                      + " without NOT VALID: every row is checked while writes are"
                      + " blocked. Add it NOT VALID, then VALIDATE CONSTRAINT in a"
                      + " later migration (that scan does not block writes).")
              + context.assumption());
    }
  }
}

package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintScript.PairedDown;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.sql.IrreversibleMark;
import java.util.Optional;

/**
 * A new migration without a down script, or with an empty one, in a layout whose tool keeps a
 * rollback beside every migration: the release cannot be rolled back, or "rolling back" records the
 * migration as undone while its changes stay. Reported once, at the up script's first statement.
 */
public final class MissingDown implements Rule {
  @Override
  public String id() {
    return "missing-down";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "A new migration without a down script where the layout pairs ups with downs";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    PairedDown down = context.script().pairedDown();
    if (statement.index() > 0 || down != PairedDown.MISSING && down != PairedDown.EMPTY) {
      return;
    }
    Optional<IrreversibleMark> mark = IrreversibleMark.in(context.script().text());
    if (mark.isPresent() && mark.get().hasReason()) {
      return;
    }
    if (mark.isPresent()) {
      report.at(
          statement,
          "-- migtest:irreversible names no reason: say why this migration cannot be undone"
              + " (`-- migtest:irreversible drops the legacy column`), so that reviewers can"
              + " judge it.");
      return;
    }
    report.at(
        statement,
        (down == PairedDown.MISSING
                ? "This migration has no down script, although its tool keeps one beside every"
                    + " migration: rolling the release back cannot undo it."
                : "This migration's down script is empty: rolling back does not undo it (most"
                    + " tools run nothing and still record the migration as undone, so the schema"
                    + " keeps its changes and running it up again can fail on them).")
            + " Write the statements that undo it; if it cannot be undone (data was dropped),"
            + " say so with -- migtest:irreversible <reason>.");
  }
}

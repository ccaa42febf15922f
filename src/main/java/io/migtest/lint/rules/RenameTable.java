package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import java.util.List;

/**
 * A table that exists in production renamed or moved to another schema: the application version
 * still running during the deployment names it the old way, and its queries fail. A view under the
 * old name over the renamed table, created in the same transaction, keeps that code working, so the
 * rule stays silent then (see the rule's page for what such a view does not cover).
 */
public final class RenameTable implements Rule {
  /** Whether a later statement of the migration recreates the old name as a view. */
  private enum Cover {
    NONE,
    SAME_TRANSACTION,
    LATER_TRANSACTION
  }

  @Override
  public String id() {
    return "rename-table";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "Renaming a table breaks the application version still running, unless a view covers it";
  }

  @Override
  public boolean checksDownScripts() {
    return false;
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    AlterTable.ofExisting(statement, context)
        .ifPresent(alter -> check(statement, alter, context, report));
  }

  private static void check(
      LintStatement statement, AlterTable alter, LintContext context, RuleReport report) {
    Tokens action = alter.actions().get(0);
    QualifiedName old = alter.table();
    QualifiedName renamed;
    String change;
    if (action.startsWith("rename", "to") && action.nameAt(2) != null) {
      renamed = new QualifiedName(old.schema(), action.nameAt(2).name());
      change = "Renaming " + old + " to " + renamed.name();
    } else if (action.startsWith("set", "schema") && action.nameAt(2) != null) {
      renamed = new QualifiedName(action.nameAt(2).name(), old.name());
      change = "Moving " + old + " to schema " + renamed.schema();
    } else {
      return;
    }
    Cover cover = cover(statement, context, old, renamed);
    if (cover == Cover.SAME_TRANSACTION) {
      return;
    }
    String consequence =
        " breaks the application version still running during the deployment: its queries name "
            + old
            + " and fail once this commits.";
    report.at(
        statement,
        change
            + consequence
            + (cover == Cover.LATER_TRANSACTION
                ? " A view "
                    + old
                    + " over "
                    + renamed
                    + " follows in this migration, but in another transaction, so queries fail"
                    + " in between. Rename and create the view in one transaction."
                : " In the same transaction, create a view under the old name (CREATE VIEW "
                    + old
                    + " AS SELECT * FROM "
                    + renamed
                    + "): old queries read and write through it, and a later release drops it.")
            + context.assumption());
  }

  /** Whether a later statement of this script creates a view named {@code old} over the table. */
  private static Cover cover(
      LintStatement statement, LintContext context, QualifiedName old, QualifiedName renamed) {
    List<LintStatement> statements = context.script().statements();
    boolean sameTransaction = context.inTransaction();
    for (LintStatement later : statements.subList(statement.index() + 1, statements.size())) {
      Tokens t = later.tokens();
      if (isViewOver(t, old, renamed)) {
        return sameTransaction ? Cover.SAME_TRANSACTION : Cover.LATER_TRANSACTION;
      }
      boolean end =
          t.startsWith("commit")
              || t.startsWith("end")
              || t.startsWith("rollback") && !t.has("to")
              || t.startsWith("begin")
              || t.startsWith("start", "transaction");
      sameTransaction = sameTransaction && !end;
    }
    return Cover.NONE;
  }

  private static boolean isViewOver(Tokens t, QualifiedName view, QualifiedName table) {
    int i = t.matchesAt(1, "or", "replace") ? 3 : 1;
    if (!t.startsWith("create") || !t.matchesAt(i, "view")) {
      return false;
    }
    QualifiedName name = t.nameAt(i + 1);
    int from = t.find(i + 1, "from");
    return name != null
        && name.sameAs(view)
        && from >= 0
        && t.nameAt(from + 1) != null
        && t.nameAt(from + 1).sameAs(table);
  }
}

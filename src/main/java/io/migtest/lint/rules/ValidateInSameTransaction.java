package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.LockMode;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.TableLock;

/**
 * {@code VALIDATE CONSTRAINT} in the transaction that already locked the table against writes
 * (usually the {@code ADD ... NOT VALID} itself): VALIDATE alone lets writes through while it
 * scans, but here the earlier lock is still held during the scan, so the two-step pattern gains
 * nothing.
 */
public final class ValidateInSameTransaction implements Rule {
  @Override
  public String id() {
    return "validate-in-same-transaction";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "VALIDATE CONSTRAINT in the transaction that locked the table, scanning under that lock";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    AlterTable alter = AlterTable.ofExisting(statement, context).orElse(null);
    if (alter == null
        || alter.actions().stream().noneMatch(a -> a.startsWith("validate", "constraint"))) {
      return;
    }
    String where = locksWrites(statement, alter) ? "this same statement" : null;
    for (LintStatement earlier : context.earlierInTransaction()) {
      if (where == null && locksWrites(earlier, alter)) {
        where = "line " + earlier.line();
      }
    }
    if (where != null) {
      report.at(
          statement,
          "VALIDATE CONSTRAINT on "
              + alter.table()
              + " runs in the transaction that locked the table against writes ("
              + where
              + "), so writes stay blocked for the whole scan. Commit first: validate in a later"
              + " migration, or after a COMMIT, where it lets writes through."
              + context.assumption());
    }
  }

  /**
   * Whether {@code statement} locks the table against writes. VALIDATE itself takes only SHARE
   * UPDATE EXCLUSIVE, so when the VALIDATE statement does, another of its actions does.
   */
  private static boolean locksWrites(LintStatement statement, AlterTable alter) {
    return TableLock.of(statement.tokens()).stream()
        .anyMatch(
            l ->
                l.table().sameAs(alter.table())
                    && l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0);
  }
}

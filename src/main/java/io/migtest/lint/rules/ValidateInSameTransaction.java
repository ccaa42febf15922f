package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterTable;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.LockMode;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.TableLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    String where =
        locksWrites(statement, alter.table())
            ? "this same statement"
            : WritesLocked.before(context)
                .firstLocking(alter.table())
                .map(s -> "line " + s.line())
                .orElse(null);
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
  private static boolean locksWrites(LintStatement statement, QualifiedName table) {
    return TableLock.of(statement.tokens()).stream()
        .anyMatch(
            l -> l.table().sameAs(table) && l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0);
  }

  /**
   * The first statement of the transaction that locked each table against writes, kept for the
   * whole transaction and brought up to date statement by statement.
   */
  private static final class WritesLocked {
    final List<TableLock> first = new ArrayList<>();
    final List<LintStatement> by = new ArrayList<>();
    int folded;

    static WritesLocked before(LintContext context) {
      WritesLocked locked = context.transactionMemo(WritesLocked.class, WritesLocked::new);
      List<LintStatement> earlier = context.earlierInTransaction();
      for (LintStatement statement : earlier.subList(locked.folded, earlier.size())) {
        for (TableLock lock : TableLock.of(statement.tokens())) {
          if (lock.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0
              && locked.firstLocking(lock.table()).isEmpty()) {
            locked.first.add(lock);
            locked.by.add(statement);
          }
        }
      }
      locked.folded = earlier.size();
      return locked;
    }

    Optional<LintStatement> firstLocking(QualifiedName table) {
      for (int i = 0; i < first.size(); i++) {
        if (first.get(i).table().sameAs(table)) {
          return Optional.of(by.get(i));
        }
      }
      return Optional.empty();
    }
  }
}

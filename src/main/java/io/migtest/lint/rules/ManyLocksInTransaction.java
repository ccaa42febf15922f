package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.AlterColumnType;
import io.migtest.lint.AlterTable;
import io.migtest.lint.ColumnDefinition;
import io.migtest.lint.DefaultVolatility;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.LockMode;
import io.migtest.lint.QualifiedName;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.TableLock;
import io.migtest.lint.Tokens;
import io.migtest.lint.TypeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A statement that, in a transaction already holding an ACCESS EXCLUSIVE lock on an existing table,
 * either locks another existing table against writes or does long work (a backfill, an index build,
 * a scan, a rewrite). Locks last until COMMIT, so the first table stays closed to every query for
 * the whole time, and tables locked together invite deadlocks.
 */
public final class ManyLocksInTransaction implements Rule {
  @Override
  public String id() {
    return "many-locks-in-transaction";
  }

  @Override
  public Severity severity() {
    return Severity.WARNING;
  }

  @Override
  public String summary() {
    return "Long work or more table locks after an ACCESS EXCLUSIVE lock in the same transaction";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    String work = longWork(statement.tokens(), context);
    List<TableLock> locks = TableLock.of(statement.tokens());
    if (work == null
        && locks.stream().noneMatch(l -> l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0)) {
      return;
    }
    List<TableLock> held = new ArrayList<>();
    LintStatement first = null;
    for (LintStatement earlier : context.earlierInTransaction()) {
      for (TableLock lock : TableLock.of(earlier.tokens())) {
        if (lock.mode() == LockMode.ACCESS_EXCLUSIVE
            && context.existedBefore(lock.table())
            && held.stream().noneMatch(h -> h.table().sameAs(lock.table()))) {
          held.add(lock);
          first = first == null ? earlier : first;
        }
      }
    }
    if (held.isEmpty()) {
      return;
    }
    String tables = String.join(", ", held.stream().map(h -> h.table().toString()).toList());
    String since =
        "This transaction holds an ACCESS EXCLUSIVE lock on "
            + tables
            + " since line "
            + first.line()
            + ", until COMMIT";
    if (work != null) {
      report.at(
          statement,
          since
              + ", and this statement "
              + work
              + ": every query on "
              + tables
              + " waits that long. Commit the locking change first, and do this in a transaction"
              + " (or migration) of its own."
              + context.assumption());
      return;
    }
    Optional<TableLock> other =
        locks.stream()
            .filter(l -> l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0)
            .filter(l -> context.existedBefore(l.table()))
            .filter(l -> held.stream().noneMatch(h -> h.table().sameAs(l.table())))
            .findFirst();
    other.ifPresent(
        lock ->
            report.at(
                statement,
                since
                    + ", and this statement also locks "
                    + lock.table()
                    + " ("
                    + lock.mode().text()
                    + "): both stay locked until COMMIT, so queries wait longer, and a session"
                    + " that takes the same locks in the other order deadlocks with this one."
                    + " Change one table per transaction."
                    + context.assumption()));
  }

  /** What long work the statement does on an existing table, for a message, or null. */
  static String longWork(Tokens t, LintContext context) {
    List<TableLock> locks = TableLock.of(t);
    QualifiedName table = locks.isEmpty() ? null : locks.get(0).table();
    if (table == null || !context.existedBefore(table)) {
      return null;
    }
    if (t.startsWith("update")
        || t.startsWith("delete")
        || t.startsWith("insert") && t.has("select")) {
      return "writes rows of " + table;
    }
    if ((t.startsWith("create", "index") || t.startsWith("create", "unique", "index"))
        && !t.has("concurrently")) {
      return "builds an index on " + table;
    }
    if (t.startsWith("cluster") || t.startsWith("refresh", "materialized", "view")) {
      return "rewrites " + table;
    }
    Optional<AlterTable> alter = AlterTable.of(t);
    if (alter.isEmpty()) {
      return null;
    }
    for (Tokens action : alter.get().actions()) {
      String work = alterWork(action, table, context);
      if (work != null) {
        return work;
      }
    }
    return null;
  }

  private static String alterWork(Tokens action, QualifiedName table, LintContext context) {
    if (action.startsWith("validate", "constraint")) {
      return "validates a constraint, reading every row of " + table;
    }
    int kind = action.matchesAt(1, "constraint") ? 3 : 1;
    if (action.startsWith("add")
        && !action.has("not", "valid")
        && (action.matchesAt(kind, "check") || action.matchesAt(kind, "foreign"))) {
      return "adds a constraint, reading every row of " + table;
    }
    if (action.startsWith("add")
        && !action.has("using", "index")
        && (action.matchesAt(kind, "unique")
            || action.matchesAt(kind, "primary")
            || action.matchesAt(kind, "exclude"))) {
      return "builds an index on " + table;
    }
    String column = AlterTable.alteredColumn(action);
    if (column != null
        && action.has("set", "not", "null")
        && context.columnExistedBefore(table, column)
        && !context.catalog().hasValidatedNotNullCheck(table, column)) {
      return "reads every row of " + table + " for SET NOT NULL";
    }
    Optional<AlterColumnType> type = AlterColumnType.of(action);
    if (type.isPresent() && context.columnExistedBefore(table, column)) {
      TypeChange.Effect effect =
          type.get().effect(table, context.catalog()).orElse(TypeChange.Effect.REWRITE);
      if (effect != TypeChange.Effect.NONE) {
        return "changes the type of "
            + table
            + "."
            + column
            + ", rewriting the table or its indexes";
      }
    }
    ColumnDefinition added = ColumnDefinition.ofAddAction(action).orElse(null);
    if (added != null
        && (added.generatedStored()
            || added.identity()
            || added.serial()
            || added.defaultExpression() != null
                && DefaultVolatility.of(added.defaultExpression(), context).verdict()
                    == DefaultVolatility.Verdict.VOLATILE)) {
      return "adds "
          + table
          + "."
          + added.name()
          + " with a value for every row, rewriting the table";
    }
    if (action.startsWith("set", "logged")
        || action.startsWith("set", "unlogged")
        || action.startsWith("set", "tablespace")
        || action.startsWith("set", "access", "method")) {
      return "rewrites " + table;
    }
    return null;
  }
}

package io.migtest.lint.rules;

import io.migtest.finding.Severity;
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

  /**
   * What the transaction holds before a statement: its ACCESS EXCLUSIVE tables, every table it
   * blocks writes to, and whether a second table was locked already (reported once per
   * transaction). Kept for the whole transaction and brought up to date statement by statement.
   */
  private static final class Held {
    final List<QualifiedName> exclusive = new ArrayList<>();
    final List<QualifiedName> writesBlocked = new ArrayList<>();
    LintStatement firstExclusive;
    boolean secondTable;
    int folded;

    static Held before(LintContext context) {
      Held held = context.transactionMemo(Held.class, Held::new);
      List<LintStatement> earlier = context.earlierInTransaction();
      for (LintStatement statement : earlier.subList(held.folded, earlier.size())) {
        held.fold(statement, context);
      }
      held.folded = earlier.size();
      return held;
    }

    private void fold(LintStatement earlier, LintContext context) {
      List<TableLock> locks = tableLocks(earlier.tokens(), context);
      secondTable |= newTable(locks, context).isPresent();
      for (TableLock lock : locks) {
        if (!blocksWrites(lock, context)) {
          continue;
        }
        if (!contains(writesBlocked, lock.table())) {
          writesBlocked.add(lock.table());
        }
        if (lock.mode() == LockMode.ACCESS_EXCLUSIVE && !contains(exclusive, lock.table())) {
          exclusive.add(lock.table());
          firstExclusive = firstExclusive == null ? earlier : firstExclusive;
        }
      }
    }

    /** A lock of {@code locks} on an existing table not locked before, once a table is held. */
    Optional<TableLock> newTable(List<TableLock> locks, LintContext context) {
      return exclusive.isEmpty()
          ? Optional.empty()
          : locks.stream()
              .filter(l -> blocksWrites(l, context) && !contains(writesBlocked, l.table()))
              .findFirst();
    }

    private static boolean blocksWrites(TableLock lock, LintContext context) {
      return lock.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0
          && context.existedBefore(lock.table());
    }

    private static boolean contains(List<QualifiedName> tables, QualifiedName table) {
      return tables.stream().anyMatch(t -> t.sameAs(table));
    }
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    String work = longWork(statement.tokens(), context);
    List<TableLock> locks = tableLocks(statement.tokens(), context);
    if (work == null
        && locks.stream().noneMatch(l -> l.mode().compareTo(LockMode.SHARE_ROW_EXCLUSIVE) >= 0)) {
      return;
    }
    Held held = Held.before(context);
    if (held.exclusive.isEmpty()) {
      return;
    }
    String tables =
        String.join(", ", held.exclusive.stream().map(QualifiedName::toString).toList());
    String since =
        "This transaction holds an ACCESS EXCLUSIVE lock on "
            + tables
            + " since line "
            + held.firstExclusive.line()
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
    Optional<TableLock> other = held.newTable(locks, context);
    if (other.isPresent() && !held.secondTable) {
      report.at(
          statement,
          since
              + ", and this statement also locks "
              + other.get().table()
              + " ("
              + other.get().mode().text()
              + "): from here on the tables stay locked together until COMMIT, so queries wait"
              + " longer, and a session that locks them in the other order deadlocks with this"
              + " one. Change one table per transaction (reported once per transaction)."
              + context.assumption());
    }
  }

  /**
   * The statement's locks on tables. {@code DROP INDEX} names the index, not the table it locks, so
   * its lock cannot be compared with others; an index the catalog knows is left out for the same
   * reason.
   */
  private static List<TableLock> tableLocks(Tokens t, LintContext context) {
    if (t.startsWith("drop", "index")) {
      return List.of();
    }
    return TableLock.of(t).stream()
        .filter(
            l ->
                context
                    .catalog()
                    .relation(l.table())
                    .map(r -> r.kind() != 'i' && r.kind() != 'I')
                    .orElse(true))
        .toList();
  }

  /** What long work the statement does on an existing table, for a message, or null. */
  private static String longWork(Tokens t, LintContext context) {
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
    Optional<ColumnDefinition> retyped = ColumnDefinition.retyped(table, action);
    if (retyped.isPresent() && context.columnExistedBefore(table, column)) {
      TypeChange.Effect effect =
          TypeChange.of(retyped.get(), context.catalog()).orElse(TypeChange.Effect.REWRITE);
      if (effect != TypeChange.Effect.NONE) {
        return "changes the type of "
            + table
            + "."
            + column
            + ", rewriting the table or its indexes";
      }
    }
    ColumnDefinition added = ColumnDefinition.added(table, action).orElse(null);
    if (added != null
        && (added.generatedStored()
            || added.identity()
            || added.type().serial()
            || added
                .defaultExpression()
                .filter(
                    d ->
                        DefaultVolatility.of(d, context).verdict()
                            == DefaultVolatility.Verdict.VOLATILE)
                .isPresent())) {
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

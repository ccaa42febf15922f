package io.migtest.perf;

/**
 * The strongest lock a migration took on a table.
 *
 * @param relation the qualified name ({@code public.orders})
 * @param mode as {@code pg_locks} names it ({@code AccessExclusiveLock})
 * @param rows the table's rows before the migration (the planner's estimate after seeding), 0 for a
 *     table the migration created
 */
public record TableLock(String relation, String mode, long rows) {
  /** The stronger of two locks on the same table. */
  static TableLock stronger(TableLock a, TableLock b) {
    return strength(a) >= strength(b) ? a : b;
  }

  private static int strength(TableLock lock) {
    return LockMode.of(lock.mode()).map(Enum::ordinal).orElse(-1);
  }
}

package io.migtest.perf;

/**
 * The strongest lock a migration took on a table.
 *
 * @param relation the qualified name ({@code public.orders})
 * @param mode as {@code pg_locks} names it ({@code AccessExclusiveLock})
 * @param rows the table's rows before the migration (the planner's estimate after seeding), 0 for a
 *     table the migration created
 */
public record TableLock(String relation, String mode, long rows) {}

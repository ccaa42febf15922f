package io.migtest.perf;

import java.util.List;

/**
 * One measured run of a migration on a fresh clone of the state before it.
 *
 * @param rewrites the tables that got a new file (a rewrite), with their rows before
 * @param locks the strongest lock per table, by table name
 */
record Sample(
    double durationMs,
    long walBytes,
    long sizeGrowthBytes,
    List<TableLock> rewrites,
    List<TableLock> locks) {}

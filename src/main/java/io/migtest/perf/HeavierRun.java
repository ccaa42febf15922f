package io.migtest.perf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one run of a migration costs the tables more than another run does: a stronger lock on a
 * table, or a table rewritten that the other left in place. The mutation gate kills a PERFORMANCE
 * mutant this way ({@code CONCURRENTLY} removed takes a SHARE lock where the original took SHARE
 * UPDATE EXCLUSIVE). The locks ordinary reads and writes take (up to ROW EXCLUSIVE) never count:
 * every INSERT takes one, no application query waits for it, and a run measured from outside a
 * transaction (a script with {@code CONCURRENTLY}) can miss a short one that a run inside one sees.
 */
public final class HeavierRun {
  private HeavierRun() {}

  /** Each way {@code candidate} is heavier than {@code reference}, in words; empty when none. */
  public static List<String> of(MigrationPerformance reference, MigrationPerformance candidate) {
    Map<String, TableLock> before =
        reference.locks().stream()
            .collect(Collectors.toMap(TableLock::relation, Function.identity()));
    List<String> heavier = new ArrayList<>();
    for (TableLock lock : candidate.locks()) {
      TableLock was = before.get(lock.relation());
      int now = rank(lock.mode());
      if (now < rank(LockMode.SHARE_UPDATE_EXCLUSIVE.pgName())) {
        continue;
      }
      if (was == null || now > rank(was.mode())) {
        heavier.add(
            lock.mode()
                + " on "
                + lock.relation()
                + (was == null ? "" : " where the original takes " + was.mode()));
      }
    }
    for (String rewrite : candidate.rewrites()) {
      if (!reference.rewrites().contains(rewrite)) {
        heavier.add("rewrites " + rewrite);
      }
    }
    return heavier;
  }

  private static int rank(String mode) {
    return LockMode.of(mode).map(Enum::ordinal).orElse(-1);
  }
}

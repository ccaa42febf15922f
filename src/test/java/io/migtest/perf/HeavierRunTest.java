package io.migtest.perf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeavierRunTest {
  private static MigrationPerformance run(List<String> rewrites, TableLock... locks) {
    return new MigrationPerformance(
        "V2__a.sql", 1, List.of(1.0), 0, 0, rewrites, Map.of(), List.of(locks), null, null, null);
  }

  @Test
  void aStrongerLockOrANewRewriteIsHeavier() {
    MigrationPerformance concurrently =
        run(List.of(), new TableLock("public.t", "ShareUpdateExclusiveLock", 1000));
    MigrationPerformance plain =
        run(List.of("public.u"), new TableLock("public.t", "ShareLock", 1000));

    assertThat(HeavierRun.of(concurrently, plain))
        .containsExactly(
            "ShareLock on public.t where the original takes ShareUpdateExclusiveLock",
            "rewrites public.u");
    assertThat(HeavierRun.of(plain, concurrently)).isEmpty();
  }

  /**
   * A plain INSERT's lock, seen inside the mutant's transaction but not sampled from outside the
   * original's (which ran with CONCURRENTLY, outside one), killed a mutant that deleted the index.
   */
  @Test
  void theLocksOfOrdinaryReadsAndWritesNeverCount() {
    MigrationPerformance original = run(List.of());
    MigrationPerformance mutant =
        run(
            List.of(),
            new TableLock("public.t", "RowExclusiveLock", 1000),
            new TableLock("public.u", "AccessShareLock", 1000));

    assertThat(HeavierRun.of(original, mutant)).isEmpty();
  }
}

package io.migtest.mutation;

import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.migration.Migration;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import io.migtest.seed.Seeder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A second look at an up-script DATA mutant that the tests let through: on empty tables a backfill
 * or a data fix has nothing to work on, so its migration runs again on rows seeded into the state
 * before it ({@link MutationEngine#SEEDED_ROWS} per table), as it meets them in production.
 *
 * <ul>
 *   <li>A mutant that fails there while the original applies gives itself away (a backfill deleted
 *       before a {@code SET NOT NULL}): INVALID, not counted, as the catalog's self-revealing
 *       mutants; a statement or lock wait out of time is a TIMEOUT.
 *   <li>It is KILLED by the first test that passes on the original migrations over the same rows
 *       and fails on the mutant. Tests that fail on the seeded original (they expect empty tables)
 *       cannot kill here.
 * </ul>
 *
 * The seeded state before each migration is built once and kept as a template; the original
 * migrations and every test run on a copy of it once, each mutant on a copy of its own.
 */
final class SeededUpJudge implements AutoCloseable {
  /** The state before new migration {@code k}, a new database. */
  @FunctionalInterface
  interface StateBefore {
    ScratchDatabase of(int k) throws SQLException;
  }

  /**
   * @param template the state before the migration with its seeded rows
   * @param passing the tests that pass on the original migrations over those rows
   */
  private record SeededBase(ScratchDatabase template, Set<String> passing) {}

  private final MutationEngine.Setup setup;
  private final StateBefore stateBefore;
  private final Memo<Integer, Optional<SeededBase>> bases = new Memo<>();

  SeededUpJudge(MutationEngine.Setup setup, StateBefore stateBefore) {
    this.setup = setup;
    this.stateBefore = stateBefore;
  }

  /**
   * Judges {@code mutant} on seeded rows; empty when it passes there too, or when the original
   * migrations do not apply to seeded rows (nothing to compare with).
   *
   * @param original the original new migrations from the mutant's on
   * @param mutated the same with the mutant's migration changed
   * @param covering the tests that name or touch the mutant's tables
   */
  Optional<MutantResult> judge(
      Mutant mutant, List<Migration> original, List<Migration> mutated, List<Oracle> covering)
      throws SQLException {
    Optional<SeededBase> base = bases.get(mutant.migration(), () -> build(mutant, original));
    if (base.isEmpty()) {
      return Optional.empty();
    }
    try (ScratchDatabase db = setup.server().cloneOf(base.get().template(), "mutant")) {
      Optional<Finding> failure =
          setup.history().migrate(db, mutated, setup.callbacks(), setup.runner()).failure();
      if (failure.isPresent()
          && MutationEngine.verifyScripts(mutated).contains(failure.get().file())) {
        // Sqitch's deploy runs each change's verify script: a test that noticed the mutant.
        return Optional.of(
            new MutantResult(
                mutant,
                MutantStatus.KILLED,
                "test:" + failure.get().file(),
                failure.get().message() + onSeededRows()));
      }
      if (failure.isPresent()) {
        return Optional.of(failedOnRows(mutant, failure.get()));
      }
      Set<String> passing = base.get().passing();
      // A test that passes on the seeded original and fails on the mutant.
      Predicate<TestResult> kills = r -> passing.contains(r.name()) && r.failed();
      for (Oracle oracle : covering) {
        for (TestResult result : oracle.judgeUntil(db, setup.runner(), kills)) {
          if (kills.test(result)) {
            return Optional.of(
                new MutantResult(
                    mutant,
                    MutantStatus.KILLED,
                    "test:" + result.name(),
                    MutationEngine.verdict(result) + onSeededRows()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String onSeededRows() {
    return " (on " + MutationEngine.SEEDED_ROWS + " rows per table seeded before the migration)";
  }

  private static MutantResult failedOnRows(Mutant mutant, Finding failure) {
    boolean outOfTime =
        failure.sqlstate() != null && MutationEngine.OUT_OF_TIME.contains(failure.sqlstate());
    return new MutantResult(
        mutant,
        outOfTime ? MutantStatus.TIMEOUT : MutantStatus.INVALID,
        null,
        (outOfTime ? "ran out of time on " : "fails on ")
            + MutationEngine.SEEDED_ROWS
            + " rows per table seeded before the migration, where the original applies, so it"
            + " gives itself away on any database with rows: "
            + failure.file()
            + ":"
            + failure.line()
            + ": "
            + failure.message()
            + (failure.sqlstate() == null ? "" : " (SQLSTATE " + failure.sqlstate() + ")"));
  }

  private Optional<SeededBase> build(Mutant mutant, List<Migration> original) throws SQLException {
    ScratchDatabase template;
    try {
      template = stateBefore.of(mutant.migration());
    } catch (SQLException | RuntimeException e) {
      // No second look for this migration's mutants; remembered, not tried again for each.
      return Optional.empty();
    }
    try {
      try (Connection connection = template.connect()) {
        new Seeder(connection, MutationEngine.SEEDED_ROWS).seed(setup.ignored());
      }
      Set<String> passing = new HashSet<>();
      try (ScratchDatabase db = setup.server().cloneOf(template, "mutant")) {
        if (setup
            .history()
            .migrate(db, original, setup.callbacks(), setup.runner())
            .failure()
            .isPresent()) {
          template.close();
          return Optional.empty();
        }
        for (Oracle oracle : setup.oracles()) {
          oracle.judge(db, setup.runner()).stream()
              .filter(r -> r.status() == TestStatus.PASS)
              .forEach(r -> passing.add(r.name()));
        }
      }
      return Optional.of(new SeededBase(template, Set.copyOf(passing)));
    } catch (SQLException | RuntimeException e) {
      template.close();
      return Optional.empty();
    }
  }

  /** Drops the seeded templates. */
  @Override
  public void close() {
    bases.clear().forEach(base -> base.ifPresent(b -> b.template().close()));
  }
}

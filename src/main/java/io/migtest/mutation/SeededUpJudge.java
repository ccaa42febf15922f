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
 * migrations and every test run on a copy of it once. Where the engine runs the migration's mutants
 * inside rolled-back transactions, they run that way here too, on a kept copy of the seeded state
 * (the originals too, once, for the tests they pass that way), and a mutant that fails to apply is
 * confirmed on a copy of its own; elsewhere each mutant runs on a copy of its own.
 */
final class SeededUpJudge implements AutoCloseable {
  /** The state before new migration {@code k}, a new database. */
  @FunctionalInterface
  interface StateBefore {
    ScratchDatabase of(int k) throws SQLException;
  }

  /** Work that may fail as a database does. */
  @FunctionalInterface
  private interface Work<T> {
    Optional<T> run() throws SQLException;
  }

  private final MutationEngine.Setup setup;
  private final StateBefore stateBefore;
  private final KeptCopies copies;

  /** The seeded state before each new migration, by index; empty when it could not be built. */
  private final Memo<Integer, Optional<ScratchDatabase>> templates = new Memo<>();

  /** The tests that pass on the seeded originals, run on a copy of their own. */
  private final Memo<Integer, Optional<Set<String>>> passingOnCopy = new Memo<>();

  /** The same, run inside a rolled-back transaction on a kept copy. */
  private final Memo<Integer, Optional<Set<String>>> passingInTransaction = new Memo<>();

  /**
   * @param copies where the engine keeps copies for rolled-back transactions (the seeded states'
   *     under keys of their own)
   */
  SeededUpJudge(MutationEngine.Setup setup, StateBefore stateBefore, KeptCopies copies) {
    this.setup = setup;
    this.stateBefore = stateBefore;
    this.copies = copies;
  }

  /**
   * Judges {@code mutant} on seeded rows; empty when it passes there too, or when the original
   * migrations do not apply to seeded rows (nothing to compare with).
   *
   * @param original the original new migrations from the mutant's on
   * @param mutated the same with the mutant's migration changed
   * @param covering the tests that name or touch the mutant's tables
   * @param fitsTransaction whether the mutant's migrations and tests run inside a rolled-back
   *     transaction as on a database of their own (then it runs that way, on a kept copy of the
   *     seeded state, and only a failure to apply is confirmed on a copy of its own)
   */
  Optional<MutantResult> judge(
      Mutant mutant,
      List<Migration> original,
      List<Migration> mutated,
      List<Oracle> covering,
      boolean fitsTransaction)
      throws SQLException {
    int k = mutant.migration();
    Optional<ScratchDatabase> template = templates.get(k, () -> seededState(k));
    if (template.isEmpty()) {
      return Optional.empty();
    }
    KeptCopies.Copier copier = () -> setup.server().cloneOf(template.get(), "mutant");
    if (fitsTransaction) {
      Optional<Look> look = inTransaction(k, copier, mutant, original, mutated, covering);
      boolean failedToApply =
          look.flatMap(Look::result)
              .filter(r -> r.status() == MutantStatus.INVALID || r.status() == MutantStatus.TIMEOUT)
              .isPresent();
      if (look.isPresent() && !failedToApply) {
        return look.get().result();
      }
    }
    Optional<Set<String>> passing =
        passingOnCopy.get(
            k,
            () ->
                attempt(
                    () -> {
                      try (ScratchDatabase db = copier.copy()) {
                        return passingOn(db, original);
                      }
                    }));
    if (passing.isEmpty()) {
      return Optional.empty();
    }
    try (ScratchDatabase db = copier.copy()) {
      return judgeOn(db, mutant, mutated, covering, passing.get());
    }
  }

  /** A look that ran: the mutant's status, or empty when it passed. */
  private record Look(Optional<MutantResult> result) {}

  /**
   * The look inside a rolled-back transaction on a kept copy of the seeded state, against the tests
   * the originals pass that way; empty when it cannot run (the caller judges on a copy of its own
   * then).
   */
  private Optional<Look> inTransaction(
      int k,
      KeptCopies.Copier copier,
      Mutant mutant,
      List<Migration> original,
      List<Migration> mutated,
      List<Oracle> covering)
      throws SQLException {
    String key = "seeded:" + k;
    Optional<Set<String>> passing =
        passingInTransaction.get(
            k,
            () ->
                attempt(
                    () ->
                        copies.rolledBack(
                            key,
                            copier,
                            db -> passingOn(db, MutationEngine.inTransaction(original)))));
    if (passing.isEmpty()) {
      return Optional.empty();
    }
    return attempt(
        () ->
            Optional.of(
                new Look(
                    copies.rolledBack(
                        key,
                        copier,
                        db ->
                            judgeOn(
                                db,
                                mutant,
                                MutationEngine.inTransaction(mutated),
                                covering,
                                passing.get())))));
  }

  /** What {@code work} finds, or empty when it broke (a copy, a connection). */
  private static <T> Optional<T> attempt(Work<T> work) {
    try {
      return work.run();
    } catch (SQLException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Optional<MutantResult> judgeOn(
      ScratchDatabase db,
      Mutant mutant,
      List<Migration> mutated,
      List<Oracle> covering,
      Set<String> passing)
      throws SQLException {
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

  /** The state before new migration {@code k} with its seeded rows; empty if it does not build. */
  private Optional<ScratchDatabase> seededState(int k) {
    ScratchDatabase template;
    try {
      template = stateBefore.of(k);
    } catch (SQLException | RuntimeException e) {
      // No second look for this migration's mutants; remembered, not tried again for each.
      return Optional.empty();
    }
    try (Connection connection = template.connect()) {
      new Seeder(connection, MutationEngine.SEEDED_ROWS).seed(setup.ignored());
      return Optional.of(template);
    } catch (SQLException | RuntimeException e) {
      template.close();
      return Optional.empty();
    }
  }

  /**
   * The tests that pass after {@code original} migrated {@code db}; empty when they do not apply.
   */
  private Optional<Set<String>> passingOn(ScratchDatabase db, List<Migration> original)
      throws SQLException {
    if (setup
        .history()
        .migrate(db, original, setup.callbacks(), setup.runner())
        .failure()
        .isPresent()) {
      return Optional.empty();
    }
    Set<String> passing = new HashSet<>();
    for (Oracle oracle : setup.oracles()) {
      oracle.judge(db, setup.runner()).stream()
          .filter(r -> r.status() == TestStatus.PASS)
          .forEach(r -> passing.add(r.name()));
    }
    return Optional.of(Set.copyOf(passing));
  }

  /** Drops the seeded templates. */
  @Override
  public void close() {
    templates.clear().forEach(template -> template.ifPresent(ScratchDatabase::close));
  }
}

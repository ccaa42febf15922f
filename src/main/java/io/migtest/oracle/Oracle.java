package io.migtest.oracle;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Something that judges a migrated database: SQL test files, pgTAP files, the team's test command.
 * The apply gate asks every oracle once; the mutation gate asks them again for each mutant and
 * compares the verdicts.
 */
public interface Oracle {
  /** Judges {@code database}, leaving it as it was; failing tests are results, not exceptions. */
  List<TestResult> judge(ScratchDatabase database, ScriptRunner runner);

  /**
   * This oracle narrowed to the tests that name one of {@code tables} (unqualified, lower case) or
   * touched one in the baseline run ({@code touched}, by test name), or empty when none does: a
   * mutant of those tables need not run the others. An oracle that cannot tell (the test command)
   * covers everything.
   */
  default Optional<Oracle> covering(Set<String> tables, Map<String, Set<String>> touched) {
    return Optional.of(this);
  }

  /**
   * What each test is made of, by the name its results carry: a hash of its text, so that a verdict
   * kept from an earlier run can be trusted only while the test is unchanged. Empty when the oracle
   * cannot tell (the test command runs files migtest does not know).
   */
  default Optional<Map<String, String>> contents() {
    return Optional.empty();
  }

  /**
   * Whether every test runs over the connections {@link ScratchDatabase#connect} gives, without
   * ending their transactions itself, so that it can judge a database inside a transaction that is
   * rolled back afterwards (savepoint isolation). The test command connects on its own.
   */
  default boolean runsOnGivenConnections() {
    return false;
  }

  /**
   * Like {@link #judge}, stopping after the first result {@code enough} accepts: a mutant needs one
   * changed verdict. Oracles that cannot stop part way judge everything.
   */
  default List<TestResult> judgeUntil(
      ScratchDatabase database, ScriptRunner runner, Predicate<TestResult> enough) {
    return judge(database, runner);
  }
}

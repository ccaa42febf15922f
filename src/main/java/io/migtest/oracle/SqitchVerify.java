package io.migtest.oracle;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sqitch's verify scripts run as {@code sqitch verify} runs them after a deploy ({@code Engine.pm}
 * {@code verify}, {@code _verify_changes}): each deployed change's script in plan order, each with
 * its own psql session, a change the plan reworks later passed over. A script passes unless it
 * raises; each is one test.
 */
public final class SqitchVerify implements Oracle {
  /** The kind of these tests in reports. */
  public static final String KIND = "sqitch-verify";

  private final List<SqlScript> scripts;

  /**
   * @param scripts the verify scripts, in plan order
   */
  public SqitchVerify(List<SqlScript> scripts) {
    this.scripts = List.copyOf(scripts);
  }

  @Override
  public Optional<Oracle> covering(Set<String> tables, Map<String, Set<String>> touched) {
    List<SqlScript> naming =
        scripts.stream().filter(s -> TableMentions.namesAny(s.text(), tables)).toList();
    return naming.isEmpty() ? Optional.empty() : Optional.of(new SqitchVerify(naming));
  }

  /**
   * Unless a script runs with psql, or begins and ends transactions of its own in another shape
   * than plain blocks ({@code BEGIN; ... ROLLBACK;}), which run as savepoints there.
   */
  @Override
  public boolean runsOnGivenConnections() {
    return scripts.stream().allMatch(ScriptRunner::runsInJoinedTransaction);
  }

  @Override
  public Optional<Map<String, String>> contents() {
    Map<String, String> contents = new java.util.TreeMap<>();
    scripts.forEach(s -> contents.put(s.file(), s.textChecksum()));
    return Optional.of(contents);
  }

  @Override
  public List<TestResult> judge(ScratchDatabase database, ScriptRunner runner) {
    List<TestResult> results = new ArrayList<>();
    for (SqlScript script : scripts) {
      long started = System.nanoTime();
      List<TestFailure> failures;
      try (Connection connection = database.connect()) {
        runner.prepare(connection);
        Optional<Finding> failure = runner.run(connection, script);
        failures = failure.map(f -> List.of(failureOf(f))).orElse(List.of());
      } catch (SQLException e) {
        failures =
            List.of(
                new TestFailure(
                    script.file(), 0, null, null, "the connection failed: " + e.getMessage()));
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      results.add(
          new TestResult(
              script.file(),
              KIND,
              failures.isEmpty() ? TestStatus.PASS : TestStatus.FAIL,
              millis,
              failures,
              null));
    }
    return results;
  }

  private static TestFailure failureOf(Finding failure) {
    return new TestFailure(
        failure.file(),
        failure.line(),
        null,
        null,
        "it raised after the whole plan deployed, where `sqitch verify` runs it: "
            + failure.message());
  }
}

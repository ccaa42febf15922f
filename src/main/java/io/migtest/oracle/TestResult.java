package io.migtest.oracle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The verdict of one test on a database.
 *
 * @param name the test file relative to the project, or {@code test-command}
 * @param kind {@code sql}, {@code pgtap}, {@code sqitch-verify} or {@code command}
 * @param note why the test was skipped, or null
 * @param touched the tables (unqualified, lower case, sorted) the test read or wrote, as PostgreSQL
 *     counted them for its transaction; empty when not recorded. Mutation testing runs a test for
 *     the mutants of the tables it names or touched in the baseline run.
 */
public record TestResult(
    String name,
    String kind,
    TestStatus status,
    long durationMs,
    List<TestFailure> failures,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note,
    @JsonIgnore Set<String> touched) {

  public TestResult {
    failures = List.copyOf(failures);
    touched =
        touched == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(touched));
  }

  /** A verdict without recorded table use. */
  public TestResult(
      String name,
      String kind,
      TestStatus status,
      long durationMs,
      List<TestFailure> failures,
      String note) {
    this(name, kind, status, durationMs, failures, note, Set.of());
  }

  @JsonIgnore
  public boolean failed() {
    return status == TestStatus.FAIL || status == TestStatus.ERROR;
  }
}

package io.migtest.oracle;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The verdict of one test on a database.
 *
 * @param name the test file relative to the project, or {@code test-command}
 * @param kind {@code sql}, {@code pgtap}, {@code sqitch-verify} or {@code command}
 * @param note why the test was skipped, or null
 */
public record TestResult(
    String name,
    String kind,
    TestStatus status,
    long durationMs,
    List<TestFailure> failures,
    @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

  public TestResult {
    failures = List.copyOf(failures);
  }

  @JsonIgnore
  public boolean failed() {
    return status == TestStatus.FAIL || status == TestStatus.ERROR;
  }
}

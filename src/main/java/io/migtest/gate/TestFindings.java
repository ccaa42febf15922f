package io.migtest.gate;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.oracle.TestCommand;
import io.migtest.oracle.TestFailure;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import java.util.List;

/** Turns a failed test into findings of the gate that ran it, one per failed expectation. */
final class TestFindings {
  private TestFindings() {}

  static List<Finding> of(TestResult test) {
    if (test.status() == TestStatus.SKIP) {
      return List.of(Finding.info(RuleId.TEST_SKIPPED, test.name(), 0, test.note()));
    }
    if (!test.failed()) {
      return List.of();
    }
    String rule =
        test.name().equals(TestCommand.NAME) ? RuleId.TEST_COMMAND_FAILED : RuleId.TEST_FAILED;
    return test.failures().stream().map(f -> finding(rule, test, f)).toList();
  }

  private static Finding finding(String rule, TestResult test, TestFailure failure) {
    String file = failure.file() != null ? failure.file() : null;
    String message =
        test.name().equals(TestCommand.NAME)
            ? failure.message()
            : "Test " + test.name() + " failed: " + failure.message();
    return new Finding(rule, Severity.ERROR, file, failure.line(), message, null);
  }
}

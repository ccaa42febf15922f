package io.migtest.gate;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.oracle.SqitchVerify;
import io.migtest.oracle.TestCommand;
import io.migtest.oracle.TestFailure;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns test results into findings of the gate that ran them: one per failed expectation, and one
 * note for all tests skipped for the same reason (pgTAP missing is said once, not per file).
 */
final class TestFindings {
  private TestFindings() {}

  static List<Finding> of(List<TestResult> tests) {
    List<Finding> findings = new ArrayList<>();
    Map<String, List<String>> skippedByReason = new LinkedHashMap<>();
    for (TestResult test : tests) {
      if (test.status() == TestStatus.SKIP) {
        skippedByReason.computeIfAbsent(test.note(), note -> new ArrayList<>()).add(test.name());
      } else {
        findings.addAll(of(test));
      }
    }
    skippedByReason.forEach(
        (reason, names) ->
            findings.add(
                Finding.info(
                    RuleId.TEST_SKIPPED,
                    null,
                    0,
                    names.size()
                        + (names.size() == 1 ? " test" : " tests")
                        + " skipped ("
                        + String.join(", ", names)
                        + "): "
                        + reason)));
    return findings;
  }

  private static List<Finding> of(TestResult test) {
    if (!test.failed()) {
      return List.of();
    }
    String rule =
        test.name().equals(TestCommand.NAME)
            ? RuleId.TEST_COMMAND_FAILED
            : test.kind().equals(SqitchVerify.KIND) ? RuleId.VERIFY_FAILED : RuleId.TEST_FAILED;
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

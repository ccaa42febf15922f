package io.migtest.report;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import io.migtest.oracle.TestFailure;
import io.migtest.oracle.TestResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code junit.xml} says, before it is XML: a suite per gate whose cases are the gate's
 * findings, a suite of the tests the gates ran, and a suite for a run that could not finish.
 */
final class JunitSuites {
  private JunitSuites() {}

  /** How a test case ended, as JUnit XML spells it. */
  enum Outcome {
    PASSED,
    FAILURE,
    ERROR,
    SKIPPED
  }

  /**
   * One {@code testcase}.
   *
   * @param message one line for the {@code message} attribute, or null
   * @param text the full story: the failure's or skip's content, else {@code system-out}
   */
  record Case(
      String classname, String name, long millis, Outcome outcome, String message, String text) {}

  /** One {@code testsuite}; its {@code system-out} is {@code text}. */
  record Suite(String name, long millis, List<Case> cases, String text) {
    long count(Outcome outcome) {
      return cases.stream().filter(c -> c.outcome() == outcome).count();
    }
  }

  static List<Suite> of(RunReport report) {
    List<Suite> suites = new ArrayList<>();
    report.gates().forEach(gate -> suites.add(gate(gate)));
    if (!report.tests().isEmpty()) {
      suites.add(tests(report.tests()));
    }
    if (report.error() != null) {
      String name = "migtest.run";
      Case run = new Case(name, "run", 0, Outcome.ERROR, report.error(), report.error());
      suites.add(new Suite(name, 0, List.of(run), null));
    }
    return suites;
  }

  /**
   * Errors and warnings fail (as linters' JUnit output does), notes pass with their text. The gate
   * itself is a case too when no finding says how it ended: it passed cleanly, was skipped, or
   * failed without a failing finding.
   */
  private static Suite gate(GateResult gate) {
    String classname = "migtest." + gate.id().id();
    List<Case> cases = new ArrayList<>();
    for (Finding f : gate.findings()) {
      String name = f.rule() + (f.file() == null ? "" : " at " + f.location());
      String text = details(f);
      cases.add(
          f.severity() == Severity.INFO
              ? new Case(classname, name, 0, Outcome.PASSED, null, text)
              : new Case(classname, name, 0, Outcome.FAILURE, f.message(), text));
    }
    boolean anyFailure = cases.stream().anyMatch(c -> c.outcome() == Outcome.FAILURE);
    if (gate.status() == GateStatus.SKIP || !anyFailure) {
      Outcome outcome =
          switch (gate.status()) {
            case PASS, WARN -> Outcome.PASSED;
            case FAIL -> Outcome.FAILURE;
            case SKIP -> Outcome.SKIPPED;
          };
      String message = outcome == Outcome.PASSED ? null : gate.summary();
      cases.add(
          new Case(classname, gate.id().id(), gate.durationMs(), outcome, message, gate.summary()));
    }
    String text =
        String.format(
            "%s: %s (mode %s), %s",
            gate.id().id(), gate.status(), gate.mode().id(), gate.summary());
    return new Suite(classname, gate.durationMs(), cases, text);
  }

  private static String details(Finding f) {
    return (f.file() == null ? "" : f.location() + "\n")
        + f.severity().id()
        + " "
        + f.rule()
        + (f.sqlstate() == null ? "" : " (SQLSTATE " + f.sqlstate() + ")")
        + "\n"
        + f.message();
  }

  private static Suite tests(List<TestResult> tests) {
    List<Case> cases = new ArrayList<>();
    for (TestResult test : tests) {
      String classname = "migtest.tests." + test.kind();
      Outcome outcome =
          switch (test.status()) {
            case PASS -> Outcome.PASSED;
            case FAIL -> Outcome.FAILURE;
            case ERROR -> Outcome.ERROR;
            case SKIP -> Outcome.SKIPPED;
          };
      String message =
          test.note() != null
              ? test.note()
              : test.failures().isEmpty() ? null : test.failures().get(0).message();
      String text =
          test.note() != null
              ? test.note()
              : String.join("\n\n", test.failures().stream().map(JunitSuites::details).toList());
      cases.add(new Case(classname, test.name(), test.durationMs(), outcome, message, text));
    }
    long millis = tests.stream().mapToLong(TestResult::durationMs).sum();
    return new Suite("migtest.tests", millis, cases, null);
  }

  private static String details(TestFailure f) {
    return (f.file() == null ? "" : f.file() + (f.line() > 0 ? ":" + f.line() : "") + "\n")
        + f.message()
        + (f.expected() == null ? "" : "\nexpected: " + f.expected())
        + (f.actual() == null ? "" : "\nactual: " + f.actual());
  }
}

package io.migtest.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.oracle.TestResult;
import io.migtest.perf.PerformanceResults;
import java.util.List;

/**
 * What one gate found.
 *
 * @param summary one line for the gates table
 * @param tests the verdicts of the tests this gate ran (reported in their own section)
 * @param performance the performance gate's measurements (their own section), else null
 * @param mutation the mutation gate's mutants and score (their own section), else null
 */
public record GateResult(
    GateId id,
    GateStatus status,
    GateMode mode,
    long durationMs,
    String summary,
    List<Finding> findings,
    @JsonIgnore List<TestResult> tests,
    @JsonIgnore PerformanceResults performance,
    @JsonIgnore MutationOutcome mutation) {

  public GateResult {
    findings = List.copyOf(findings);
    // Read back from report.json, the parts kept out of it are absent.
    tests = tests == null ? List.of() : List.copyOf(tests);
  }

  /** This result with {@code mutation} as its mutants (a merge of shard reports). */
  public GateResult withMutation(
      GateStatus newStatus, String newSummary, List<Finding> newFindings, MutationOutcome outcome) {
    return new GateResult(
        id, newStatus, mode, durationMs, newSummary, newFindings, tests, performance, outcome);
  }

  /** A result of a gate that mutates nothing. */
  public GateResult(
      GateId id,
      GateStatus status,
      GateMode mode,
      long durationMs,
      String summary,
      List<Finding> findings,
      List<TestResult> tests,
      PerformanceResults performance) {
    this(id, status, mode, durationMs, summary, findings, tests, performance, null);
  }

  /** A result of a gate that measures nothing. */
  public GateResult(
      GateId id,
      GateStatus status,
      GateMode mode,
      long durationMs,
      String summary,
      List<Finding> findings,
      List<TestResult> tests) {
    this(id, status, mode, durationMs, summary, findings, tests, null, null);
  }

  /** A result of a gate that ran no tests. */
  public GateResult(
      GateId id,
      GateStatus status,
      GateMode mode,
      long durationMs,
      String summary,
      List<Finding> findings) {
    this(id, status, mode, durationMs, summary, findings, List.of(), null, null);
  }

  /** PASS, WARN or FAIL from the worst finding. */
  public static GateStatus statusOf(List<Finding> findings) {
    if (findings.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
      return GateStatus.FAIL;
    }
    if (findings.stream().anyMatch(f -> f.severity() == Severity.WARNING)) {
      return GateStatus.WARN;
    }
    return GateStatus.PASS;
  }

  /** True when this gate makes the run fail: it failed and its mode is block. */
  public boolean blocks() {
    return status == GateStatus.FAIL && mode == GateMode.BLOCK;
  }
}

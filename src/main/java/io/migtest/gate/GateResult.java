package io.migtest.gate;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import java.util.List;

/**
 * What one gate found.
 *
 * @param summary one line for the gates table
 */
public record GateResult(
    GateId id,
    GateStatus status,
    GateMode mode,
    long durationMs,
    String summary,
    List<Finding> findings) {

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

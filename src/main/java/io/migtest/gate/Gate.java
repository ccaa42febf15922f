package io.migtest.gate;

import io.migtest.finding.Finding;
import java.util.List;

/** One deployment gate: looks at the migrations (and a database) and returns findings. */
public interface Gate {
  GateId id();

  /** Runs the gate; bad migrations become findings, only a broken environment throws. */
  GateResult run(GateContext context);

  /** The gate's result in a run that does not select it, or where it is off: a skip. */
  default GateResult unselected(GateContext context) {
    GatePlan plan = context.plan();
    return new GateResult(
        id(), GateStatus.SKIP, plan.mode(id()), 0, plan.whySkipped(id()), List.of());
  }

  /** This gate's result, timed from {@code startedNanos} ({@link System#nanoTime()}). */
  default GateResult result(
      GateContext context,
      long startedNanos,
      GateStatus status,
      String summary,
      List<Finding> findings) {
    return new GateResult(
        id(),
        status,
        context.mode(id()),
        (System.nanoTime() - startedNanos) / 1_000_000,
        summary,
        findings);
  }
}

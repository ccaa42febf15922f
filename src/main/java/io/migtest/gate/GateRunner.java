package io.migtest.gate;

import java.util.List;

/** Runs the gates in their fixed order and collects their results. */
public final class GateRunner {
  private final List<Gate> gates;

  public GateRunner(List<Gate> gates) {
    this.gates = List.copyOf(gates);
  }

  /** The six gates. */
  public static GateRunner standard() {
    return new GateRunner(
        List.of(
            new LintGate(),
            new ApplyGate(),
            new RollbackGate(),
            new DataGate(),
            new MutationGate(),
            new PerformanceGate()));
  }

  /**
   * Runs the gates, adding each result to {@code results} as it ends, so that the results so far
   * survive an environment failure in a later gate.
   */
  public void run(GateContext context, List<GateResult> results) {
    GatePlan plan = context.plan();
    for (Gate gate : gates) {
      if (plan.runs(gate.id())) {
        context.progress().step(gate.id().id() + ": starting");
        results.add(gate.run(context));
      } else {
        results.add(gate.unselected(context));
      }
    }
  }
}

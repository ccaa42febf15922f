package io.migtest.gate;

import io.migtest.MigtestException;
import java.util.List;
import java.util.stream.Collectors;

/** Runs the available gates in their fixed order and collects their results. */
public final class GateRunner {
  private final List<Gate> available;

  public GateRunner(List<Gate> available) {
    this.available = List.copyOf(available);
  }

  /** The gates this version of migtest has. */
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

  public List<GateId> availableIds() {
    return available.stream().map(Gate::id).toList();
  }

  /**
   * Refuses a {@code --gates} list that names a gate this version does not have: silently skipping
   * it would report a pass for a check that never ran.
   */
  public void checkSelection(GatePlan plan) {
    List<GateId> configured =
        plan.modes().entrySet().stream()
            .filter(e -> e.getValue() != GateMode.OFF && !availableIds().contains(e.getKey()))
            .map(java.util.Map.Entry::getKey)
            .toList();
    if (!configured.isEmpty()) {
      throw MigtestException.usage(
          "The configuration sets gate "
              + configured.stream().map(GateId::id).collect(Collectors.joining(", "))
              + " to block or warn, but this version of migtest does not have it, so it would"
              + " never run. Set it to off until it is available; available: "
              + availableIds().stream().map(GateId::id).collect(Collectors.joining(", "))
              + ".");
    }
    if (plan.selected() == null) {
      return;
    }
    List<GateId> missing =
        plan.selected().stream().filter(g -> !availableIds().contains(g)).toList();
    if (!missing.isEmpty()) {
      throw MigtestException.usage(
          "Gate "
              + missing.stream().map(GateId::id).collect(Collectors.joining(", "))
              + " is not available in this version of migtest; available: "
              + availableIds().stream().map(GateId::id).collect(Collectors.joining(", "))
              + ".");
    }
  }

  /**
   * Runs the gates, adding each result to {@code results} as it ends, so that the results so far
   * survive an environment failure in a later gate.
   */
  public void run(GateContext context, List<GateResult> results) {
    GatePlan plan = context.plan();
    for (Gate gate : available) {
      if (plan.runs(gate.id())) {
        context.progress().step(gate.id().id() + ": starting");
        results.add(gate.run(context));
      } else {
        results.add(
            new GateResult(
                gate.id(),
                GateStatus.SKIP,
                plan.mode(gate.id()),
                0,
                plan.whySkipped(gate.id()),
                List.of()));
      }
    }
  }
}

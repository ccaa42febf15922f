package io.migtest.gate;

/** One deployment gate: looks at the migrations (and a database) and returns findings. */
public interface Gate {
  GateId id();

  /** Runs the gate; bad migrations become findings, only a broken environment throws. */
  GateResult run(GateContext context);
}

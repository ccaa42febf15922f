package io.migtest.gate;

/** How a gate ended. */
public enum GateStatus {
  PASS,
  WARN,
  FAIL,
  SKIP
}

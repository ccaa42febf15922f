package io.migtest.mutation;

/**
 * How bad it is when a mutant of an operator survives: the fault it stands for reaches production
 * unnoticed by the tests.
 */
public enum Impact {
  /** Silent loss or corruption of data, or an integrity hole, with no error. */
  CRITICAL,
  /** An integrity or behaviour change likely to cause an incident, or writes blocked. */
  HIGH,
  /** A boundary or edge-case fault, or degraded operations. */
  MEDIUM,
  /** Efficiency or hygiene. */
  LOW
}

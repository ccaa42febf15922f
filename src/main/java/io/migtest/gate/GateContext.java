package io.migtest.gate;

import io.migtest.migration.MigrationComparison;
import io.migtest.oracle.TestCommand;

/**
 * What a gate may use: never flags, never the terminal, never GitHub.
 *
 * @param plan which gates run and what their failures do
 * @param database the run's database, started on first use
 * @param testCommand the team's test command, or null when none is configured
 */
public record GateContext(
    GatePlan plan,
    MigrationComparison migrations,
    DatabaseAccess database,
    TestCommand testCommand,
    Progress progress) {

  /** What the failure of {@code gate} does. */
  public GateMode mode(GateId gate) {
    return plan.mode(gate);
  }
}

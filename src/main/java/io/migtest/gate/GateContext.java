package io.migtest.gate;

import io.migtest.migration.MigrationComparison;
import io.migtest.oracle.Oracle;
import java.util.List;

/**
 * What a gate may use: never flags, never the terminal, never GitHub.
 *
 * @param plan which gates run and what their failures do
 * @param database the run's database, started on first use
 * @param oracles what judges a migrated database: the SQL tests, the test command
 */
public record GateContext(
    GatePlan plan,
    MigrationComparison migrations,
    DatabaseAccess database,
    List<Oracle> oracles,
    Progress progress) {

  /** What the failure of {@code gate} does. */
  public GateMode mode(GateId gate) {
    return plan.mode(gate);
  }
}

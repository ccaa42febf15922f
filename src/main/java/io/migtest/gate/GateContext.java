package io.migtest.gate;

import io.migtest.history.HistoryApplier;
import io.migtest.lint.RuleSettings;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.oracle.Oracle;
import io.migtest.sql.ParsedScripts;
import io.migtest.sql.SqlScript;
import java.util.List;
import java.util.Set;

/**
 * What a gate may use: never flags, never the terminal, never GitHub.
 *
 * @param plan which gates run and what their failures do
 * @param database the run's database, started on first use
 * @param history brings scratch databases to states of the history (kept as templates)
 * @param oracles what judges a migrated database: the SQL tests, the test command
 * @param lint the parsed scripts and rule settings the lint gate reads; null for callers that run
 *     no lint gate
 */
public record GateContext(
    GatePlan plan,
    MigrationComparison migrations,
    DatabaseAccess database,
    HistoryApplier history,
    List<Oracle> oracles,
    LintInput lint,
    Progress progress)
    implements AutoCloseable {

  /** What the lint gate reads besides the migrations. */
  public record LintInput(ParsedScripts parsed, RuleSettings rules) {}

  /** Drops the template databases the history kept for this run. */
  @Override
  public void close() {
    history.close();
  }

  /**
   * A context whose history starts from {@code setup} on the database of {@code database}, with the
   * layout's own history table.
   */
  public static GateContext of(
      GatePlan plan,
      MigrationComparison migrations,
      DatabaseAccess database,
      List<SqlScript> setup,
      List<Oracle> oracles,
      LintInput lint,
      Progress progress) {
    HistoryApplier history =
        new HistoryApplier(
            database::server,
            database::runner,
            migrations.head().layout().historyTable().orElse(null),
            migrations.head().layout().sessionScope(),
            setup);
    return new GateContext(plan, migrations, database, history, oracles, lint, progress);
  }

  /**
   * The migration tool's history table (unqualified), which is the tool's, not the application's:
   * gates leave it out of snapshots, seeding and comparisons.
   */
  public Set<String> historyTables() {
    return migrations
        .head()
        .layout()
        .historyTable()
        .map(t -> Set.of(t.tableName()))
        .orElse(Set.of());
  }

  /**
   * A new database in the state the new migrations start from: the base branch's, or the empty one
   * (after the setup scripts) without a base.
   */
  public HistoryApplier.State stateBeforeNew(String purpose) {
    MigrationHistory base = migrations.base();
    return base == null
        ? history.empty(purpose)
        : history.after(base.migrations(), base.callbacks(), purpose);
  }

  /** Why a gate that needs {@link #stateBeforeNew} did not run when it failed. */
  public String stateBeforeNewFails() {
    return "not checked: the "
        + (migrations.base() == null ? "setup" : "base branch")
        + " does not apply";
  }

  /** What the failure of {@code gate} does. */
  public GateMode mode(GateId gate) {
    return plan.mode(gate);
  }
}

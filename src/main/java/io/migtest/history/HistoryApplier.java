package io.migtest.history;

import io.migtest.db.ClusterObjects;
import io.migtest.db.DatabaseServer;
import io.migtest.db.Epilogue;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.migration.HistoryTable;
import io.migtest.migration.Migration;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings scratch databases to any state of a history: empty (the setup scripts applied and the
 * tool's history table created), or after a list of migrations. Each state is built once per run
 * and kept as a template database keyed by a content hash of what was applied, so asking for it
 * again is a clone ({@code CREATE DATABASE ... TEMPLATE}) instead of a replay. Setup scripts run
 * once, on the first template.
 *
 * <p>Roles and tablespaces belong to the server, not to a database: each state remembers the ones
 * it saw, and they are brought back before a state is cloned or built on, so a migration that
 * creates a role finds the server as its tool would, however many states were built before.
 */
public final class HistoryApplier implements AutoCloseable {
  private final Supplier<DatabaseServer> server;
  private final Supplier<ScriptRunner> runner;
  private final HistoryTable historyTable;
  private final List<SqlScript> setup;
  private final Map<String, ScratchDatabase> templates = new HashMap<>();
  private final Map<String, ClusterObjects> clusterSeen = new HashMap<>();

  /**
   * @param server the run's server, started on first use
   * @param historyTable the migration tool's history table, or null when the layout keeps none
   * @param setup SQL files run as superuser, in order, before the first migration
   */
  public HistoryApplier(
      Supplier<DatabaseServer> server,
      Supplier<ScriptRunner> runner,
      HistoryTable historyTable,
      List<SqlScript> setup) {
    this.server = server;
    this.runner = runner;
    this.historyTable = historyTable;
    this.setup = List.copyOf(setup);
  }

  /** A database in a state of the history, or the failure that kept it from being built. */
  public sealed interface State permits Ready, Failed {}

  /** The state was built; the caller owns and closes the database. */
  public record Ready(ScratchDatabase database) implements State {}

  /** Building the state failed at a setup script or a migration. */
  public record Failed(Finding failure) implements State {}

  /** Drops the templates this applier kept. */
  @Override
  public synchronized void close() {
    templates.values().forEach(ScratchDatabase::close);
    templates.clear();
  }

  /** A new database with the setup applied and no migration. */
  public State empty(String purpose) {
    return after(List.of(), purpose);
  }

  /** A new database in the state after {@code migrations}, applied in order. */
  public synchronized State after(List<Migration> migrations, String purpose) {
    List<String> keys = StateKey.chain(historyTable, setup, migrations);
    Optional<Finding> failure = template(migrations, keys);
    if (failure.isPresent()) {
      return new Failed(failure.get());
    }
    String key = keys.get(migrations.size());
    server.get().restore(clusterSeen.get(key));
    return new Ready(server.get().cloneOf(templates.get(key), purpose));
  }

  /**
   * Runs {@code migration} on {@code connection} and records it in the tool's history table in the
   * same transaction, as the tool does; then its verify script, as {@code sqitch deploy --verify}
   * does (it passes when it raises nothing).
   */
  public Optional<Finding> apply(Connection connection, Migration migration) throws SQLException {
    Optional<Finding> failure = deploy(connection, migration);
    if (failure.isPresent() || migration.verify() == null) {
      return failure;
    }
    return runner.get().run(connection, migration.verify()).map(Failures::verify);
  }

  private Optional<Finding> deploy(Connection connection, Migration migration) throws SQLException {
    if (historyTable == null) {
      return runner.get().run(connection, migration.up());
    }
    Epilogue record =
        new Epilogue(
            historyTable.recordOf(migration),
            e ->
                new Finding(
                    RuleId.HISTORY_TABLE_FAILED,
                    Severity.ERROR,
                    migration.file(),
                    0,
                    "The migration ran, but recording it in "
                        + historyTable.name()
                        + " failed, as it would for the migration tool: "
                        + e.getMessage()
                        + " (if the table has triggers that expect a session setting, such as"
                        + " an advisory lock, set it with init-sql in migtest.yml)",
                    e.getSQLState()));
    return runner.get().run(connection, migration.up(), record);
  }

  /**
   * Builds the template of the state after {@code migrations} unless it is kept already: from the
   * longest kept prefix, applying the rest on one connection.
   *
   * @param keys the keys of the states after 0, 1, ... n of the migrations
   */
  private Optional<Finding> template(List<Migration> migrations, List<String> keys) {
    int kept = migrations.size();
    while (kept >= 0 && !templates.containsKey(keys.get(kept))) {
      kept--;
    }
    if (kept == migrations.size()) {
      return Optional.empty();
    }
    if (kept < 0) {
      ScratchDatabase empty = server.get().createScratch("template");
      Optional<Finding> failure = prepareEmpty(empty);
      if (failure.isPresent()) {
        empty.close();
        return failure;
      }
      templates.put(keys.get(0), empty);
      clusterSeen.put(keys.get(0), server.get().clusterObjects());
      kept = 0;
      if (migrations.isEmpty()) {
        return Optional.empty();
      }
    }
    server.get().restore(clusterSeen.get(keys.get(kept)));
    ScratchDatabase built = server.get().cloneOf(templates.get(keys.get(kept)), "template");
    Optional<Finding> failure = applyAll(built, migrations.subList(kept, migrations.size()));
    if (failure.isPresent()) {
      built.close();
      return failure;
    }
    templates.put(keys.get(migrations.size()), built);
    clusterSeen.put(keys.get(migrations.size()), server.get().clusterObjects());
    return Optional.empty();
  }

  private Optional<Finding> prepareEmpty(ScratchDatabase database) {
    try (Connection connection = database.connect()) {
      runner.get().prepare(connection);
      for (SqlScript script : setup) {
        Optional<Finding> failure = runner.get().run(connection, script);
        if (failure.isPresent()) {
          return Optional.of(Failures.setup(failure.get()));
        }
      }
      if (historyTable != null) {
        try (var statement = connection.createStatement()) {
          statement.execute(historyTable.create());
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw HistoryErrors.lostConnection(e);
    }
  }

  private Optional<Finding> applyAll(ScratchDatabase database, List<Migration> migrations) {
    try (Connection connection = database.connect()) {
      runner.get().prepare(connection);
      for (Migration migration : migrations) {
        Optional<Finding> failure = apply(connection, migration);
        if (failure.isPresent()) {
          return failure;
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw HistoryErrors.lostConnection(e);
    }
  }
}

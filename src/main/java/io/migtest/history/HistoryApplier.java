package io.migtest.history;

import io.migtest.db.ClusterObjects;
import io.migtest.db.DatabaseServer;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.finding.Finding;
import io.migtest.migration.Callbacks;
import io.migtest.migration.HistoryTable;
import io.migtest.migration.Migration;
import io.migtest.migration.SessionScope;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Brings scratch databases to any state of a history: empty (the setup scripts applied and the
 * tool's history table created), or after one migrate of a list of migrations, the tool's callbacks
 * included; and migrates databases the way the tool does ({@link Migrate}). Each state is built
 * once per run and kept as a template database keyed by a content hash of what was applied, so
 * asking for it again is a clone ({@code CREATE DATABASE ... TEMPLATE}) instead of a replay. Setup
 * scripts run once, on the first template.
 *
 * <p>Roles and tablespaces belong to the server, not to a database: each state remembers the ones
 * it saw, and they are brought back before a state is cloned or built on, so a migration that
 * creates a role finds the server as its tool would, however many states were built before.
 */
public final class HistoryApplier implements AutoCloseable {
  private final Supplier<DatabaseServer> server;
  private final Supplier<ScriptRunner> runner;
  private final HistoryTable historyTable;
  private final SessionScope session;
  private HistoryTable recordedIn;
  private final List<SqlScript> setup;
  private final Map<String, ScratchDatabase> templates = new HashMap<>();
  private final Map<String, ClusterObjects> clusterSeen = new HashMap<>();

  /**
   * The states that did not build, with why: building one again would fail the same way, or another
   * (what a failed setup created on the server, such as a role, stays there).
   */
  private final Map<String, Finding> failed = new HashMap<>();

  /**
   * @param server the run's server, started on first use
   * @param historyTable the migration tool's history table, or null when the layout keeps none
   * @param session what the tool's session carries from one migration to the next
   * @param setup SQL files run as superuser, in order, before the first migration
   */
  public HistoryApplier(
      Supplier<DatabaseServer> server,
      Supplier<ScriptRunner> runner,
      HistoryTable historyTable,
      SessionScope session,
      List<SqlScript> setup) {
    this.server = server;
    this.runner = runner;
    this.historyTable = historyTable;
    this.session = session;
    this.setup = List.copyOf(setup);
  }

  /** A database in a state of the history, or the failure that kept it from being built. */
  public sealed interface State permits Ready, Failed {}

  /** The state was built; the caller owns and closes the database. */
  public record Ready(ScratchDatabase database) implements State {}

  /** Building the state failed at a setup script or a migration. */
  public record Failed(Finding failure) implements State {}

  /**
   * The tool's history table that migrates record in: once a state was built, in the schema that
   * was current then; empty for layouts without one.
   */
  public synchronized Optional<HistoryTable> recordsIn() {
    return Optional.ofNullable(recordedIn == null ? historyTable : recordedIn);
  }

  /** Drops the templates this applier kept. */
  @Override
  public synchronized void close() {
    templates.values().forEach(ScratchDatabase::close);
    templates.clear();
  }

  /**
   * How far one migrate got: how many migrations applied, the failure that stopped it, and the
   * notes of the warnings its scripts gave ({@code script-warning}).
   */
  public record Migrated(int applied, Optional<Finding> failure, List<Finding> warnings) {}

  /** A new database with the setup applied and no migration. */
  public State empty(String purpose) {
    return after(List.of(), Callbacks.NONE, purpose);
  }

  /**
   * A new database in the state one migrate of {@code migrations} with {@code callbacks} leaves
   * (the callbacks of the history the migrations come from).
   */
  public synchronized State after(List<Migration> migrations, Callbacks callbacks, String purpose) {
    List<String> keys = StateKey.chain(historyTable, setup, callbacks, migrations);
    String target = keyOf(migrations, callbacks);
    Optional<Finding> failure = template(migrations, callbacks, keys, target);
    if (failure.isPresent()) {
      return new Failed(failure.get());
    }
    server.get().restore(clusterSeen.get(target));
    return new Ready(server.get().cloneOf(templates.get(target), purpose));
  }

  /**
   * A content hash of the state {@link #after} builds: equal for the same setup scripts, history
   * table, callbacks and migrations, different when anything of them changes.
   */
  public String keyOf(List<Migration> migrations, Callbacks callbacks) {
    List<String> keys = StateKey.chain(historyTable, setup, callbacks, migrations);
    return StateKey.migrated(keys.get(migrations.size()), callbacks);
  }

  /**
   * Runs one migrate of {@code migrations} on {@code database}, with {@code callbacks} where the
   * tool runs them; {@code onApplied} hears of each migration as it applies.
   */
  public Migrated migrate(
      ScratchDatabase database,
      List<Migration> migrations,
      Callbacks callbacks,
      Consumer<Migration> onApplied) {
    return migrate(database, migrations, callbacks, onApplied, null);
  }

  /**
   * Like {@link #migrate(ScratchDatabase, List, Callbacks, Consumer)}, running {@code probe} after
   * each migration in the migration's transaction when it has one (the performance gate reads the
   * locks the transaction holds there).
   */
  public Migrated migrate(
      ScratchDatabase database,
      List<Migration> migrations,
      Callbacks callbacks,
      Consumer<Migration> onApplied,
      String probe) {
    return new Migrate(
            runner.get(), recordedIn == null ? historyTable : recordedIn, callbacks, session, probe)
        .run(database, migrations, onApplied);
  }

  /**
   * Like {@link #migrate(ScratchDatabase, List, Callbacks, Consumer)} with {@code runner} instead
   * of the run's: the mutation gate's, whose statement timeout is a mutant's time budget.
   */
  public Migrated migrate(
      ScratchDatabase database,
      List<Migration> migrations,
      Callbacks callbacks,
      ScriptRunner runner) {
    return new Migrate(
            runner, recordedIn == null ? historyTable : recordedIn, callbacks, session, null)
        .run(database, migrations, m -> {});
  }

  /**
   * Builds the template {@code target}, the state one migrate leaves, unless it is kept already:
   * from the longest kept prefix, migrating the rest. A state a migrate with callbacks left is
   * never a prefix, since its closing callbacks ran.
   *
   * @param keys the keys of the states after 0, 1, ... n of the migrations, mid-migrate
   */
  private Optional<Finding> template(
      List<Migration> migrations, Callbacks callbacks, List<String> keys, String target) {
    if (templates.containsKey(target)) {
      return Optional.empty();
    }
    if (failed.containsKey(target)) {
      return Optional.of(failed.get(target));
    }
    int kept = migrations.size();
    while (kept >= 0 && !templates.containsKey(keys.get(kept))) {
      kept--;
    }
    if (kept < 0) {
      if (failed.containsKey(keys.get(0))) {
        return Optional.of(failed.get(keys.get(0)));
      }
      ScratchDatabase empty = server.get().createScratch("template");
      Optional<Finding> failure = prepareEmpty(empty);
      if (failure.isPresent()) {
        empty.close();
        failed.put(keys.get(0), failure.get());
        return failure;
      }
      templates.put(keys.get(0), empty);
      clusterSeen.put(keys.get(0), server.get().clusterObjects());
      kept = 0;
      if (templates.containsKey(target)) {
        return Optional.empty();
      }
    }
    server.get().restore(clusterSeen.get(keys.get(kept)));
    ScratchDatabase built = server.get().cloneOf(templates.get(keys.get(kept)), "template");
    Migrated migrated =
        migrate(built, migrations.subList(kept, migrations.size()), callbacks, m -> {});
    if (migrated.failure().isPresent()) {
      built.close();
      failed.put(target, migrated.failure().get());
      return migrated.failure();
    }
    templates.put(target, built);
    clusterSeen.put(target, server.get().clusterObjects());
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
    } catch (SQLException e) {
      throw HistoryErrors.lostConnection(e);
    }
    if (historyTable != null) {
      createHistoryTable(database);
    }
    return Optional.empty();
  }

  /**
   * Creates the tool's table on a new connection, as the tool connects after the setup, in the
   * schema current there (see {@link HistoryTable#inSchema}); the migrates record into that table.
   */
  private void createHistoryTable(ScratchDatabase database) {
    try (Connection connection = database.connect();
        var statement = connection.createStatement()) {
      runner.get().prepare(connection);
      try (var rs = statement.executeQuery("SELECT current_schema()")) {
        rs.next();
        recordedIn = historyTable.inSchema(rs.getString(1));
      }
      statement.execute(recordedIn.create());
    } catch (SQLException e) {
      throw HistoryErrors.lostConnection(e);
    }
  }
}

package io.migtest.history;

import static io.migtest.migration.CallbackEvent.AFTER_CONNECT;
import static io.migtest.migration.CallbackEvent.AFTER_EACH_MIGRATE;
import static io.migtest.migration.CallbackEvent.AFTER_MIGRATE;
import static io.migtest.migration.CallbackEvent.AFTER_MIGRATE_APPLIED;
import static io.migtest.migration.CallbackEvent.AFTER_MIGRATE_OPERATION_FINISH;
import static io.migtest.migration.CallbackEvent.AFTER_VALIDATE;
import static io.migtest.migration.CallbackEvent.AFTER_VERSIONED;
import static io.migtest.migration.CallbackEvent.BEFORE_CREATE_SCHEMA;
import static io.migtest.migration.CallbackEvent.BEFORE_EACH_MIGRATE;
import static io.migtest.migration.CallbackEvent.BEFORE_MIGRATE;
import static io.migtest.migration.CallbackEvent.BEFORE_REPEATABLES;
import static io.migtest.migration.CallbackEvent.BEFORE_VALIDATE;
import static io.migtest.migration.CallbackEvent.CREATE_SCHEMA;

import io.migtest.db.Epilogue;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.ServerWarnings;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.migration.CallbackEvent;
import io.migtest.migration.Callbacks;
import io.migtest.migration.HistoryTable;
import io.migtest.migration.Migration;
import io.migtest.migration.SessionScope;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One run of the migration tool's {@code migrate} on a database, with its callbacks where Flyway
 * runs them ({@code DbMigrate}, {@code DefaultCallbackExecutor}): the opening events once, each on
 * a connection of its own with every callback in its own transaction (none when the script is
 * non-transactional); each migration with its {@code beforeEachMigrate} and {@code
 * afterEachMigrate} callbacks and its history row in the migration's transaction; then the closing
 * events. Without callbacks it is the migrations in order over one connection. The server's
 * warnings on the way are kept for the report.
 */
final class Migrate {
  /** What {@code flyway migrate} fires before the first migration, in order. */
  private static final List<CallbackEvent> OPENING =
      List.of(
          AFTER_CONNECT,
          BEFORE_VALIDATE,
          AFTER_VALIDATE,
          CREATE_SCHEMA,
          BEFORE_CREATE_SCHEMA,
          BEFORE_MIGRATE);

  private final ServerWarnings warnings = ServerWarnings.collecting();
  private final ScriptRunner runner;
  private final HistoryTable historyTable;
  private final Callbacks callbacks;
  private final SessionScope session;
  private final String probe;

  /**
   * @param historyTable the tool's history table, or null when the layout keeps none
   * @param session what the tool's session carries from one migration to the next
   * @param probe SQL run after each migration in its transaction (after the history row), or null
   */
  Migrate(
      ScriptRunner runner,
      HistoryTable historyTable,
      Callbacks callbacks,
      SessionScope session,
      String probe) {
    this.runner = runner.reportingWarningsTo(warnings);
    this.historyTable = historyTable;
    this.callbacks = callbacks;
    this.session = session;
    this.probe = probe;
  }

  /** Migrates {@code database} with {@code migrations}; {@code onApplied} hears of each. */
  HistoryApplier.Migrated run(
      ScratchDatabase database, List<Migration> migrations, Consumer<Migration> onApplied) {
    int applied = 0;
    try {
      Optional<Finding> failure = fire(database, OPENING);
      if (failure.isPresent()) {
        return new HistoryApplier.Migrated(0, failure, warnings.findings());
      }
      try (Connection connection = database.connect()) {
        runner.prepare(connection);
        SessionReset reset = SessionReset.start(session, runner, connection);
        boolean versioned = true;
        for (Migration migration : migrations) {
          if (versioned && migration.repeatable()) {
            versioned = false;
            failure = fire(database, List.of(AFTER_VERSIONED, BEFORE_REPEATABLES));
          }
          failure = failure.isPresent() ? failure : apply(connection, reset, migration);
          if (failure.isPresent()) {
            return new HistoryApplier.Migrated(applied, failure, warnings.findings());
          }
          applied++;
          onApplied.accept(migration);
        }
        List<CallbackEvent> closing = new ArrayList<>();
        if (versioned) {
          closing.add(AFTER_VERSIONED);
        }
        if (applied > 0) {
          closing.add(AFTER_MIGRATE_APPLIED);
        }
        closing.add(AFTER_MIGRATE);
        failure = fire(database, closing);
        if (failure.isEmpty()) {
          failure = finish(connection);
        }
        return new HistoryApplier.Migrated(applied, failure, warnings.findings());
      }
    } catch (SQLException e) {
      throw HistoryErrors.lostConnection(e);
    }
  }

  /**
   * Runs {@code migration} with its per-migration callbacks and records it in the tool's history
   * table, all in the migration's transaction, as the tool does; then its verify script, as {@code
   * sqitch deploy --verify} does (it passes when it raises nothing).
   */
  private Optional<Finding> apply(Connection connection, SessionReset reset, Migration migration)
      throws SQLException {
    reset.beforeScript(connection);
    Optional<Finding> failure =
        runner
            .run(
                connection,
                callbacks.of(BEFORE_EACH_MIGRATE),
                migration.up(),
                callbacks.of(AFTER_EACH_MIGRATE),
                record(migration))
            .map(
                f ->
                    callbacks
                        .eventOf(f.file())
                        .map(e -> Failures.callback(e, migration, f))
                        .orElse(f));
    if (failure.isPresent() || migration.verify() == null) {
      return failure;
    }
    reset.beforeScript(connection);
    return runner.run(connection, migration.verify()).map(Failures::verify);
  }

  private Epilogue record(Migration migration) {
    if (historyTable == null) {
      return probe == null
          ? null
          : new Epilogue(
              probe,
              e ->
                  new Finding(
                      RuleId.HISTORY_TABLE_FAILED,
                      Severity.ERROR,
                      migration.file(),
                      0,
                      "The migration ran, but migtest's reading of its locks failed: "
                          + e.getMessage(),
                      e.getSQLState()));
    }
    return new Epilogue(
        probe == null
            ? historyTable.recordOf(migration)
            : historyTable.recordOf(migration) + ";\n" + probe,
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
  }

  /**
   * Runs the callbacks of {@code events} in order, each event on a new connection (Flyway's event
   * connection) and each callback in its own transaction unless it is non-transactional.
   */
  private Optional<Finding> fire(ScratchDatabase database, List<CallbackEvent> events)
      throws SQLException {
    for (CallbackEvent event : events) {
      List<SqlScript> scripts = callbacks.of(event);
      if (scripts.isEmpty()) {
        continue;
      }
      try (Connection connection = database.connect()) {
        runner.prepare(connection);
        for (SqlScript script : scripts) {
          Optional<Finding> failure = runner.run(connection, script);
          if (failure.isPresent()) {
            return Optional.of(Failures.callback(event, null, failure.get()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Flyway runs {@code afterMigrateOperationFinish} callbacks on the migration connection without
   * opening a transaction ({@code DefaultCallbackExecutor.onOperationFinishEvent}).
   */
  private Optional<Finding> finish(Connection connection) throws SQLException {
    for (SqlScript script : callbacks.of(AFTER_MIGRATE_OPERATION_FINISH)) {
      Optional<Finding> failure =
          runner.run(connection, script.withTransactionMode(TransactionMode.AUTOCOMMIT));
      if (failure.isPresent()) {
        return Optional.of(Failures.callback(AFTER_MIGRATE_OPERATION_FINISH, null, failure.get()));
      }
    }
    return Optional.empty();
  }
}

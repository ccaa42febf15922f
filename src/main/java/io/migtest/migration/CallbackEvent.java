package io.migtest.migration;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The events of Flyway's {@code org.flywaydb.core.api.callback.Event}, whose ids name SQL callback
 * files ({@code afterMigrate__views.sql}), and what a {@code flyway migrate} does with each.
 */
public enum CallbackEvent {
  // Fired by `flyway migrate` on a new database, in this order, and run by migtest.
  AFTER_CONNECT("afterConnect", Handling.RUN),
  BEFORE_VALIDATE("beforeValidate", Handling.RUN),
  AFTER_VALIDATE("afterValidate", Handling.RUN),
  CREATE_SCHEMA("createSchema", Handling.RUN),
  BEFORE_CREATE_SCHEMA("beforeCreateSchema", Handling.RUN),
  BEFORE_MIGRATE("beforeMigrate", Handling.RUN),
  BEFORE_EACH_MIGRATE("beforeEachMigrate", Handling.RUN),
  AFTER_EACH_MIGRATE("afterEachMigrate", Handling.RUN),
  AFTER_VERSIONED("afterVersioned", Handling.RUN),
  BEFORE_REPEATABLES("beforeRepeatables", Handling.RUN),
  AFTER_MIGRATE_APPLIED("afterMigrateApplied", Handling.RUN),
  AFTER_MIGRATE("afterMigrate", Handling.RUN),
  AFTER_MIGRATE_OPERATION_FINISH("afterMigrateOperationFinish", Handling.RUN),

  // Fired by `flyway migrate` around each statement, or after a failure: migtest notes them.
  BEFORE_EACH_MIGRATE_STATEMENT("beforeEachMigrateStatement", Handling.PER_STATEMENT),
  AFTER_EACH_MIGRATE_STATEMENT("afterEachMigrateStatement", Handling.PER_STATEMENT),
  AFTER_EACH_MIGRATE_STATEMENT_ERROR("afterEachMigrateStatementError", Handling.PER_STATEMENT),
  AFTER_EACH_MIGRATE_ERROR("afterEachMigrateError", Handling.ON_FAILURE),
  AFTER_MIGRATE_ERROR("afterMigrateError", Handling.ON_FAILURE),
  AFTER_VALIDATE_ERROR("afterValidateError", Handling.ON_FAILURE),

  // Fired by other commands (or, beforeConnect, only for non-SQL scripts).
  BEFORE_CLEAN("beforeClean", Handling.OTHER_COMMAND),
  AFTER_CLEAN("afterClean", Handling.OTHER_COMMAND),
  AFTER_CLEAN_ERROR("afterCleanError", Handling.OTHER_COMMAND),
  BEFORE_UNDO("beforeUndo", Handling.OTHER_COMMAND),
  BEFORE_EACH_UNDO("beforeEachUndo", Handling.OTHER_COMMAND),
  BEFORE_EACH_UNDO_STATEMENT("beforeEachUndoStatement", Handling.OTHER_COMMAND),
  AFTER_EACH_UNDO_STATEMENT("afterEachUndoStatement", Handling.OTHER_COMMAND),
  AFTER_EACH_UNDO_STATEMENT_ERROR("afterEachUndoStatementError", Handling.OTHER_COMMAND),
  AFTER_EACH_UNDO("afterEachUndo", Handling.OTHER_COMMAND),
  AFTER_EACH_UNDO_ERROR("afterEachUndoError", Handling.OTHER_COMMAND),
  AFTER_UNDO("afterUndo", Handling.OTHER_COMMAND),
  AFTER_UNDO_ERROR("afterUndoError", Handling.OTHER_COMMAND),
  BEFORE_BASELINE("beforeBaseline", Handling.OTHER_COMMAND),
  AFTER_BASELINE("afterBaseline", Handling.OTHER_COMMAND),
  AFTER_BASELINE_ERROR("afterBaselineError", Handling.OTHER_COMMAND),
  BEFORE_REPAIR("beforeRepair", Handling.OTHER_COMMAND),
  AFTER_REPAIR("afterRepair", Handling.OTHER_COMMAND),
  AFTER_REPAIR_ERROR("afterRepairError", Handling.OTHER_COMMAND),
  BEFORE_INFO("beforeInfo", Handling.OTHER_COMMAND),
  AFTER_INFO("afterInfo", Handling.OTHER_COMMAND),
  AFTER_INFO_ERROR("afterInfoError", Handling.OTHER_COMMAND),
  AFTER_INFO_OPERATION_FINISH("afterInfoOperationFinish", Handling.OTHER_COMMAND),
  BEFORE_CONNECT("beforeConnect", Handling.OTHER_COMMAND);

  /** What migtest does with the callbacks of an event when it runs a migrate. */
  public enum Handling {
    /** Runs them where {@code flyway migrate} does. */
    RUN,
    /** Flyway runs them around every statement of a migration; migtest does not (a note). */
    PER_STATEMENT,
    /** Flyway runs them after a failure, where migtest stops and reports it (a note). */
    ON_FAILURE,
    /** A migrate never runs them. */
    OTHER_COMMAND
  }

  private final String id;
  private final Handling handling;

  CallbackEvent(String id, Handling handling) {
    this.id = id;
    this.handling = handling;
  }

  /** The event's name in Flyway and in callback file names, e.g. {@code afterMigrate}. */
  public String id() {
    return id;
  }

  public Handling handling() {
    return handling;
  }

  /**
   * Whether Flyway fires it for each migration (or each connection), not once around the whole
   * migrate: a gate that applies a pull request's migrations one at a time runs only these between
   * them, so that an {@code afterMigrate} written for the end state does not run on a state
   * halfway.
   */
  public boolean eachMigration() {
    return switch (this) {
      case AFTER_CONNECT,
          BEFORE_EACH_MIGRATE,
          AFTER_EACH_MIGRATE,
          BEFORE_EACH_MIGRATE_STATEMENT,
          AFTER_EACH_MIGRATE_STATEMENT,
          AFTER_EACH_MIGRATE_STATEMENT_ERROR,
          AFTER_EACH_MIGRATE_ERROR ->
          true;
      default -> false;
    };
  }

  /**
   * The event a file name without {@code .sql} starts with, the longest id winning as Flyway's
   * prefixes do ({@code afterEachMigrateStatement} before {@code afterEachMigrate}).
   */
  static Optional<CallbackEvent> prefixOf(String name) {
    return Arrays.stream(values())
        .filter(e -> name.startsWith(e.id))
        .max(Comparator.comparingInt(e -> e.id.length()));
  }

  @Override
  public String toString() {
    return id;
  }
}

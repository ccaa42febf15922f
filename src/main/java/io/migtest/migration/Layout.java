package io.migtest.migration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One migration tool's folder layout: how to recognise it, read it and add to it. */
public interface Layout {

  /** The name used by {@code --layout} and in reports. */
  String name();

  /** True when the folder looks like this layout. */
  boolean recognises(SourceFolder folder);

  /** Reads the migrations in the order the tool applies them. */
  LoadedMigrations load(SourceFolder folder);

  /** What the tool does with a new migration older than the newest deployed one. */
  OutOfOrder outOfOrder();

  /** What the tool's session carries from one migration to the next. */
  default SessionScope sessionScope() {
    return SessionScope.SHARED;
  }

  /** The table the tool records applied migrations in, when migtest keeps one like it. */
  default Optional<HistoryTable> historyTable() {
    return Optional.empty();
  }

  /**
   * True when the tool refuses to migrate a database whose applied migrations no longer match the
   * files (Flyway's validate): a renamed or removed migration then stops every deploy.
   */
  default boolean validatesHistory() {
    return false;
  }

  /**
   * True when the tool, although it validates its history, is told to pass over an applied
   * migration whose file is gone.
   */
  default boolean ignoresRemoved() {
    return false;
  }

  /** What migtest read from the tool's own configuration files. */
  default ToolConfig toolConfig() {
    return ToolConfig.NONE;
  }

  /**
   * What each connection to a scratch database runs first: {@code configuredInitSql} (migtest's
   * {@code init-sql}, or null) or else the tool's own, then what the tool sets itself.
   */
  default String sessionSql(String configuredInitSql) {
    return configuredInitSql == null ? "" : configuredInitSql;
  }

  /** The files of a new, empty migration named {@code name} after those of {@code history}. */
  List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now);
}

package io.migtest.migration;

/**
 * What the migration tool's session carries from one migration to the next: a migration that runs
 * {@code SET search_path}, {@code SET ROLE} or creates a temporary table changes what the next one
 * sees, or not, depending on how the tool connects.
 */
public enum SessionScope {
  /**
   * One connection for the whole migrate, nothing set back: what a migration sets stays for the
   * next (dbmate, golang-migrate, diesel, Liquibase).
   */
  SHARED,
  /**
   * Flyway: one connection, but before each migration the role is set back to the one it connected
   * as and the search path to the default schema followed by the original search path ({@code
   * PostgreSQLConnection.doRestoreOriginalState} and {@code changeCurrentSchemaTo}, called from
   * {@code DbMigrate}).
   */
  FLYWAY,
  /** A new session for every script: psql runs each file on its own (Sqitch, plain). */
  PER_SCRIPT
}

package io.migtest.migration;

/**
 * What a layout's tool does in production with a new migration whose version is older than the
 * newest one the database already has.
 */
public enum OutOfOrder {
  /** The tool refuses to migrate (Flyway without {@code outOfOrder}: validation fails). */
  REFUSED,
  /**
   * The tool never applies it: it only moves forward from the database's version (golang-migrate).
   */
  NEVER_APPLIED,
  /** The tool applies it, after the newer ones (dbmate, diesel). */
  APPLIED,
  /** Order comes from a plan or the files' order, not from versions (Sqitch, Liquibase, plain). */
  NOT_VERSIONED
}

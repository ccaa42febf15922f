package io.migtest.sql;

/** How a layout's own tool wraps a script in transactions; migtest runs it the same way. */
public enum TransactionMode {
  /** The whole script in one transaction (Flyway, dbmate, diesel, Liquibase by default). */
  SINGLE_TRANSACTION,
  /**
   * Each statement commits on its own, as {@code psql -f} does (Sqitch, plain, opted-out scripts).
   */
  AUTOCOMMIT,
  /**
   * The file is sent as one multi-statement query (golang-migrate): PostgreSQL runs it as one
   * implicit transaction unless the script has its own transaction control or one statement.
   */
  MULTI_STATEMENT_QUERY,
  /**
   * The file is cut after every {@code ;} byte, quotes and comments notwithstanding, and each piece
   * runs on its own and commits (golang-migrate's {@code x-multi-statement=true}).
   */
  SEMICOLON_PIECES
}

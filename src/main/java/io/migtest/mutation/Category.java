package io.migtest.mutation;

/** What part of a migration an operator mutates; the prefix of its id. */
public enum Category {
  SCHEMA("SCH", "constraints and types in CREATE TABLE, ALTER TABLE and CREATE UNIQUE INDEX"),
  DATA("DAT", "UPDATE, DELETE, INSERT ... SELECT and MERGE in up scripts"),
  ROLLBACK("RBK", "down scripts"),
  PERFORMANCE("PRF", "the safe-migration patterns: CONCURRENTLY, NOT VALID, lock timeouts");

  private final String prefix;
  private final String covers;

  Category(String prefix, String covers) {
    this.prefix = prefix;
    this.covers = covers;
  }

  /** The prefix of the ids of this category's operators ({@code SCH}). */
  public String prefix() {
    return prefix;
  }

  /** What the operators of this category change, for listings. */
  public String covers() {
    return covers;
  }
}

package io.migtest.lint;

/** PostgreSQL's table lock modes, weakest first (the manual's "Explicit Locking"). */
public enum LockMode {
  ACCESS_SHARE,
  ROW_SHARE,
  ROW_EXCLUSIVE,
  SHARE_UPDATE_EXCLUSIVE,
  SHARE,
  SHARE_ROW_EXCLUSIVE,
  EXCLUSIVE,
  ACCESS_EXCLUSIVE;

  /** As the manual writes it, e.g. {@code ACCESS EXCLUSIVE}. */
  public String text() {
    return name().replace('_', ' ');
  }

  /** Whether it blocks writes (INSERT, UPDATE, DELETE) to the table. */
  public boolean blocksWrites() {
    return compareTo(SHARE) >= 0;
  }
}

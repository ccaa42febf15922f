package io.migtest.perf;

import java.util.Optional;

/** PostgreSQL's table lock modes as {@code pg_locks.mode} names them, weakest first. */
public enum LockMode {
  ACCESS_SHARE("AccessShareLock"),
  ROW_SHARE("RowShareLock"),
  ROW_EXCLUSIVE("RowExclusiveLock"),
  SHARE_UPDATE_EXCLUSIVE("ShareUpdateExclusiveLock"),
  SHARE("ShareLock"),
  SHARE_ROW_EXCLUSIVE("ShareRowExclusiveLock"),
  EXCLUSIVE("ExclusiveLock"),
  ACCESS_EXCLUSIVE("AccessExclusiveLock");

  private final String pgName;

  LockMode(String pgName) {
    this.pgName = pgName;
  }

  public String pgName() {
    return pgName;
  }

  /**
   * Whether it blocks writes (INSERT, UPDATE, DELETE) but not reads: SHARE and the modes between it
   * and ACCESS EXCLUSIVE, as a plain CREATE INDEX or adding a foreign key take.
   */
  public boolean blocksWritesOnly() {
    return compareTo(SHARE) >= 0 && this != ACCESS_EXCLUSIVE;
  }

  /** Whether it blocks reads too, as ALTER TABLE's strongest form does. */
  public boolean blocksReads() {
    return this == ACCESS_EXCLUSIVE;
  }

  static Optional<LockMode> of(String pgName) {
    for (LockMode mode : values()) {
      if (mode.pgName.equals(pgName)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}

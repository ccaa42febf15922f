package io.migtest.db;

/** How the embedded PostgreSQL processes are started, which depends on who runs migtest. */
public enum LaunchMode {
  /** migtest is not root: PostgreSQL runs as the same user. */
  DIRECT,
  /** migtest is root: PostgreSQL runs as an unprivileged account through {@code setpriv}. */
  SETPRIV
}

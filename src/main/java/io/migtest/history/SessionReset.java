package io.migtest.history;

import io.migtest.db.ScriptRunner;
import io.migtest.migration.SessionScope;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sets a migrate's connection back between scripts the way the tool's own session would be (see
 * {@link SessionScope}), so that a {@code SET search_path} in one migration reaches the next only
 * where it does in production.
 */
final class SessionReset {
  private final SessionScope scope;
  private final ScriptRunner runner;
  private String role;
  private String schema;
  private String searchPath;
  private boolean first = true;

  private SessionReset(SessionScope scope, ScriptRunner runner) {
    this.scope = scope;
    this.runner = runner;
  }

  /**
   * Starts on a prepared connection: for Flyway, notes what it connected with (its role, its
   * current schema and search path), as Flyway does when it opens the connection.
   */
  static SessionReset start(SessionScope scope, ScriptRunner runner, Connection connection)
      throws SQLException {
    SessionReset reset = new SessionReset(scope, runner);
    if (scope == SessionScope.FLYWAY) {
      try (var s = connection.createStatement();
          var rs =
              s.executeQuery(
                  "SELECT current_user, current_schema(), current_setting('search_path')")) {
        rs.next();
        reset.role = rs.getString(1);
        reset.schema = rs.getString(2);
        reset.searchPath = rs.getString(3);
      }
    }
    return reset;
  }

  /** Before each script of the migrate (a migration, its verify script). */
  void beforeScript(Connection connection) throws SQLException {
    boolean later = !first;
    first = false;
    switch (scope) {
      case SHARED -> {}
      case FLYWAY -> restoreFlywayState(connection);
      case PER_SCRIPT -> {
        if (later) {
          newSession(connection);
        }
      }
    }
  }

  /**
   * What Flyway's {@code DbMigrate} does before each migration: {@code SET ROLE} to the role it
   * connected as, then the default schema first in the search path unless the original path already
   * starts with it.
   */
  private void restoreFlywayState(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("SET ROLE '" + role.replace("'", "''") + "'");
    }
    if (schema == null || schema.equals(searchPath) || searchPath.startsWith(schema + ",")) {
      return;
    }
    String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
    try (var s = connection.prepareStatement("SELECT set_config('search_path', ?, false)")) {
      s.setString(1, searchPath.isBlank() ? quoted : quoted + "," + searchPath);
      s.execute();
    }
  }

  /**
   * Makes the connection look like a new session of the same user (psql's next file): settings back
   * to their defaults, role and session user back, temporary tables, cursors, listeners and
   * advisory locks gone; then migtest's own session settings and init-sql again.
   */
  private void newSession(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      // One round trip: every script of a migration runs after it.
      s.execute(
          "RESET ALL; RESET SESSION AUTHORIZATION; CLOSE ALL; UNLISTEN *;"
              + " SELECT pg_advisory_unlock_all(); DISCARD TEMP; DISCARD SEQUENCES");
    }
    runner.prepare(connection);
  }
}

package io.migtest.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CHECK constraints of tables and domains that were added NOT VALID, each validated in a
 * transaction that is rolled back: whether the rows there now would let {@code VALIDATE CONSTRAINT}
 * pass. (NOT VALID foreign keys are {@link Orphans}' part.)
 */
public final class UnvalidatedConstraints {
  private static final String NOT_VALID =
      """
      SELECT CASE WHEN con.contypid <> 0 THEN 'DOMAIN ' || con.contypid::regtype::text
                  ELSE 'TABLE ' || con.conrelid::regclass::text END,
             quote_ident(con.conname), con.conname,
             CASE WHEN con.contypid <> 0 THEN con.contypid::regtype::text
                  ELSE con.conrelid::regclass::text END
      FROM pg_constraint con
      LEFT JOIN pg_class c ON c.oid = con.conrelid
      LEFT JOIN pg_type t ON t.oid = con.contypid
      JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace)
      WHERE con.contype = 'c' AND NOT con.convalidated
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1, 2
      """;

  /**
   * A NOT VALID constraint that the rows break.
   *
   * @param owner the table or domain it belongs to
   * @param constraint its name
   * @param message the server's error
   * @param sqlstate the server's SQLSTATE
   */
  public record Violation(String owner, String constraint, String message, String sqlstate) {}

  private UnvalidatedConstraints() {}

  public static List<Violation> check(Connection connection) throws SQLException {
    List<String[]> constraints = new ArrayList<>();
    try (var rs = connection.createStatement().executeQuery(NOT_VALID)) {
      while (rs.next()) {
        constraints.add(
            new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
      }
    }
    List<Violation> violations = new ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (String[] c : constraints) {
        try (var s = connection.createStatement()) {
          s.execute("ALTER " + c[0] + " VALIDATE CONSTRAINT " + c[1]);
        } catch (SQLException e) {
          violations.add(new Violation(c[3], c[2], firstLine(e.getMessage()), e.getSQLState()));
        } finally {
          connection.rollback();
        }
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return violations;
  }

  private static String firstLine(String message) {
    int newline = message == null ? -1 : message.indexOf('\n');
    return newline < 0 ? String.valueOf(message) : message.substring(0, newline);
  }
}

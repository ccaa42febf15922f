package io.migtest.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles and tablespaces of a server as one state of a history saw them. These live outside
 * every database, so what one scratch database's migrations create would be seen by the next; a
 * state's objects are brought back before work continues on it ({@link #restoreOn}), and those of
 * other states are renamed out of the way ({@code migtest_parked_<oid>}) rather than dropped,
 * because other kept databases may still own objects through them. Predefined and bootstrap roles
 * (oids below 16384) are never touched.
 *
 * @param roles by oid
 * @param tablespaces names by oid
 */
public record ClusterObjects(Map<Long, Role> roles, Map<Long, String> tablespaces) {
  private static final String PARKED = "migtest_parked_";
  private static final long FIRST_NORMAL_OID = 16384;

  /**
   * One role as a state saw it.
   *
   * @param options the options of {@code ALTER ROLE ... WITH} that restore its attributes
   * @param settings its {@code ALTER ROLE ... SET} values for every database, as {@code name=value}
   */
  public record Role(String name, String options, List<String> settings) {}

  /** Reads the roles and tablespaces the server has now. */
  public static ClusterObjects read(Connection connection) throws SQLException {
    Map<Long, Role> roles = new HashMap<>();
    boolean superuser = isSuperuser(connection);
    String password =
        superuser ? "(SELECT rolpassword FROM pg_authid a WHERE a.oid = r.oid)" : "NULL";
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT r.oid, r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole,"
                    + " r.rolcreatedb, r.rolcanlogin, r.rolreplication, r.rolbypassrls,"
                    + " r.rolconnlimit, r.rolvaliduntil::text, "
                    + password
                    + ", (SELECT setconfig FROM pg_db_role_setting d WHERE d.setrole = r.oid"
                    + " AND d.setdatabase = 0)"
                    + " FROM pg_roles r WHERE r.oid >= "
                    + FIRST_NORMAL_OID)) {
      while (rs.next()) {
        String options =
            flag(rs.getBoolean(3), "SUPERUSER")
                + flag(rs.getBoolean(4), "INHERIT")
                + flag(rs.getBoolean(5), "CREATEROLE")
                + flag(rs.getBoolean(6), "CREATEDB")
                + flag(rs.getBoolean(7), "LOGIN")
                + flag(rs.getBoolean(8), "REPLICATION")
                + flag(rs.getBoolean(9), "BYPASSRLS")
                + "CONNECTION LIMIT "
                + rs.getInt(10)
                + " VALID UNTIL "
                + literal(rs.getString(11) == null ? "infinity" : rs.getString(11))
                + (superuser
                    ? " PASSWORD " + (rs.getString(12) == null ? "NULL" : literal(rs.getString(12)))
                    : "");
        java.sql.Array settings = rs.getArray(13);
        roles.put(
            rs.getLong(1),
            new Role(
                rs.getString(2),
                options,
                settings == null ? List.of() : List.of((String[]) settings.getArray())));
      }
    }
    Map<Long, String> tablespaces = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT oid, spcname FROM pg_tablespace WHERE oid >= " + FIRST_NORMAL_OID)) {
      while (rs.next()) {
        tablespaces.put(rs.getLong(1), rs.getString(2));
      }
    }
    return new ClusterObjects(Map.copyOf(roles), Map.copyOf(tablespaces));
  }

  /**
   * Makes the server show this state's roles and tablespaces: others are parked under a name of
   * their own, this state's get back their names, attributes and settings. A role this state had
   * and another state dropped cannot come back; a change the connection may not make (renaming the
   * session's own role, a superuser without being one) is left as it is.
   */
  public void restoreOn(Connection connection) throws SQLException {
    ClusterObjects now = read(connection);
    rename(connection, "ROLE", now.namesOfRoles(), namesOfRoles());
    rename(connection, "TABLESPACE", now.tablespaces, tablespaces);
    for (var entry : roles.entrySet()) {
      Role was = entry.getValue();
      Role is = now.roles.get(entry.getKey());
      if (is == null) {
        continue;
      }
      if (!is.options().equals(was.options())) {
        bestEffort(connection, "ALTER ROLE " + identifier(was.name()) + " WITH " + was.options());
      }
      if (!is.settings().equals(was.settings())) {
        bestEffort(connection, "ALTER ROLE " + identifier(was.name()) + " RESET ALL");
        for (String setting : was.settings()) {
          bestEffort(
              connection, "ALTER ROLE " + identifier(was.name()) + " SET " + setting(setting));
        }
      }
    }
  }

  private Map<Long, String> namesOfRoles() {
    Map<Long, String> names = new HashMap<>();
    roles.forEach((oid, role) -> names.put(oid, role.name()));
    return names;
  }

  /** Parks every object whose name is not the wanted one, then gives the wanted names back. */
  private static void rename(
      Connection connection, String kind, Map<Long, String> now, Map<Long, String> wanted)
      throws SQLException {
    for (var entry : now.entrySet()) {
      String name = entry.getValue();
      if (!name.equals(wanted.get(entry.getKey())) && !name.startsWith(PARKED)) {
        bestEffort(
            connection,
            "ALTER " + kind + " " + identifier(name) + " RENAME TO " + parked(entry.getKey()));
      }
    }
    for (var entry : wanted.entrySet()) {
      if (now.containsKey(entry.getKey()) && !entry.getValue().equals(now.get(entry.getKey()))) {
        bestEffort(
            connection,
            "ALTER "
                + kind
                + " "
                + parked(entry.getKey())
                + " RENAME TO "
                + identifier(entry.getValue()));
      }
    }
  }

  private static String parked(long oid) {
    return identifier(PARKED + oid);
  }

  /**
   * Runs one statement on the autocommit admin connection; a refusal leaves that object as it is
   * rather than stopping the run (a migration that then meets it reports the SQL error), a lost
   * connection is still an error.
   */
  private static void bestEffort(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
        throw e;
      }
    }
  }

  private static boolean isSuperuser(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** {@code name=value} as stored in {@code setconfig}, as the clause of {@code SET}. */
  static String setting(String stored) {
    int eq = stored.indexOf('=');
    return SettingValues.clause(stored.substring(0, eq), stored.substring(eq + 1));
  }

  private static String flag(boolean on, String option) {
    return (on ? "" : "NO") + option + " ";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}

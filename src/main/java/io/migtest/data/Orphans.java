package io.migtest.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows whose foreign key points at no row of the parent table, per foreign key (NOT VALID ones
 * included), read with the key's own rule: a key with a NULL column points nowhere and is fine
 * (MATCH SIMPLE, the default). A validated key can have orphans only if a migration turned its
 * triggers off ({@code session_replication_role}, {@code DISABLE TRIGGER ALL}); a NOT VALID one
 * keeps those it was added over.
 */
public final class Orphans {
  private static final String FOREIGN_KEYS =
      """
      SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), con.conname,
             con.convalidated, con.confrelid::regclass::text,
             ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n
                   ORDER BY k.i),
             ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n
                   ORDER BY k.i)
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE con.contype = 'f' AND con.conparentid = 0
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1, 2
      """;

  /**
   * The orphans of one foreign key.
   *
   * @param table the referencing table
   * @param constraint the key's name
   * @param validated false for a NOT VALID key
   * @param parent the referenced table
   * @param rows how many rows point nowhere
   * @param example one of them, as JSON
   */
  public record Orphan(
      String table,
      String constraint,
      boolean validated,
      String parent,
      long rows,
      String example) {

    /** The key that identifies the same constraint in another state of the database. */
    public String key() {
      return table + " " + constraint;
    }
  }

  private Orphans() {}

  /** A foreign key, and the query that counts its orphans and shows one. */
  private record ForeignKey(
      String table, String constraint, boolean validated, String parent, String query) {}

  /** The foreign keys that have orphans, by {@link Orphan#key()}. */
  public static Map<String, Orphan> read(Connection connection) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    try (var rs = connection.createStatement().executeQuery(FOREIGN_KEYS)) {
      while (rs.next()) {
        String[] columns = (String[]) rs.getArray(5).getArray();
        String[] parentColumns = (String[]) rs.getArray(6).getArray();
        keys.add(
            new ForeignKey(
                rs.getString(1),
                rs.getString(2),
                rs.getBoolean(3),
                rs.getString(4),
                query(rs.getString(1), rs.getString(4), columns, parentColumns)));
      }
    }
    Map<String, Orphan> orphans = new LinkedHashMap<>();
    for (ForeignKey key : keys) {
      try (var rs = connection.createStatement().executeQuery(key.query())) {
        rs.next();
        long rows = rs.getLong(1);
        if (rows > 0) {
          Orphan orphan =
              new Orphan(
                  key.table(),
                  key.constraint(),
                  key.validated(),
                  key.parent(),
                  rows,
                  rs.getString(2));
          orphans.put(orphan.key(), orphan);
        }
      }
    }
    return orphans;
  }

  private static String query(
      String table, String parent, String[] columns, String[] parentColumns) {
    List<String> notNull = new ArrayList<>();
    List<String> join = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      notNull.add("c." + columns[i] + " IS NOT NULL");
      join.add("p." + parentColumns[i] + " = c." + columns[i]);
    }
    String orphans =
        " FROM "
            + table
            + " c WHERE "
            + String.join(" AND ", notNull)
            + " AND NOT EXISTS (SELECT 1 FROM "
            + parent
            + " p WHERE "
            + String.join(" AND ", join)
            + ")";
    return "SELECT (SELECT count(*)"
        + orphans
        + "), (SELECT to_jsonb(c)::text"
        + orphans
        + " LIMIT 1)";
  }
}

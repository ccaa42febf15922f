package io.migtest.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fingerprints of every table of a database, read in one query: the application's tables, not
 * the catalogs', an extension's, nor the migration tool's history table. A partitioned table is one
 * table with the rows of its partitions.
 */
public final class Fingerprints {
  private static final String TABLES =
      """
      SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), n.nspname, c.relname,
             ARRAY(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   ORDER BY a.attnum)
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname
      """;

  private Fingerprints() {}

  /** By table oid, in name order; {@code ignored} holds unqualified names (the history table). */
  public static Map<Long, TableFingerprint> read(Connection connection, Set<String> ignored)
      throws SQLException {
    return read(connection, ignored, Map.of());
  }

  /**
   * Like {@link #read(Connection, Set)}, the rows of the tables named in {@code only} (qualified
   * names) read as those columns alone.
   */
  public static Map<Long, TableFingerprint> read(
      Connection connection, Set<String> ignored, Map<String, List<String>> only)
      throws SQLException {
    Map<Long, String[]> tables = new LinkedHashMap<>();
    Map<Long, List<String>> columns = new HashMap<>();
    try (var rs = connection.createStatement().executeQuery(TABLES)) {
      while (rs.next()) {
        if (!ignored.contains(rs.getString(4))) {
          tables.put(
              rs.getLong(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
          columns.put(rs.getLong(1), List.of((String[]) rs.getArray(5).getArray()));
        }
      }
    }
    Map<Long, TableFingerprint> fingerprints = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      return fingerprints;
    }
    List<String> parts = new ArrayList<>();
    tables.forEach(
        (oid, name) ->
            parts.add(
                "SELECT "
                    + oid
                    + "::bigint, count(*), coalesce(sum(hashtextextended("
                    + TableFingerprint.rowJson("migtest_row", only.get(name[0]))
                    + "::text, 0)::numeric), 0)::text FROM "
                    + name[0]
                    + " migtest_row"));
    String query = parts.stream().collect(Collectors.joining("\nUNION ALL\n"));
    try (var rs = connection.createStatement().executeQuery(query)) {
      while (rs.next()) {
        long oid = rs.getLong(1);
        String[] name = tables.get(oid);
        fingerprints.put(
            oid,
            new TableFingerprint(
                oid, name[0], name[1], name[2], columns.get(oid), rs.getLong(2), rs.getString(3)));
      }
    }
    Map<Long, TableFingerprint> ordered = new LinkedHashMap<>();
    tables.keySet().forEach(oid -> ordered.put(oid, fingerprints.get(oid)));
    return ordered;
  }

  /** For each table, the tables its foreign keys reference (by oid). */
  public static Map<Long, Set<Long>> parents(Connection connection) throws SQLException {
    Map<Long, Set<Long>> parents = new HashMap<>();
    try (var rs =
        connection
            .createStatement()
            .executeQuery("SELECT conrelid, confrelid FROM pg_constraint WHERE contype = 'f'")) {
      while (rs.next()) {
        parents.computeIfAbsent(rs.getLong(1), t -> new HashSet<>()).add(rs.getLong(2));
      }
    }
    return parents;
  }

  /** The same fingerprints by qualified name, for states whose tables were made again. */
  public static Map<String, TableFingerprint> byName(Map<Long, TableFingerprint> fingerprints) {
    Map<String, TableFingerprint> named = new LinkedHashMap<>();
    fingerprints.values().forEach(f -> named.put(f.table(), f));
    return named;
  }
}

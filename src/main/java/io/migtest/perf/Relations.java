package io.migtest.perf;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The user's tables, materialized views and indexes of a database at one moment: name, kind, the
 * file that holds them ({@code relfilenode}: a rewrite gives a relation a new one) and the
 * planner's row estimate.
 */
record Relations(Map<Long, Relation> byOid) {
  /**
   * @param name the qualified name ({@code public.orders})
   * @param kind {@code pg_class.relkind}: r table, p partitioned table, m materialized view, i
   *     index
   */
  record Relation(long oid, String name, char kind, long fileNode, long rows) {
    boolean table() {
      return kind == 'r' || kind == 'p' || kind == 'm';
    }
  }

  private static final String QUERY =
      """
      SELECT c.oid, n.nspname || '.' || c.relname, c.relkind, c.relfilenode,
             greatest(c.reltuples, 0)::bigint
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'i')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      """;

  static Relations read(Connection connection) throws SQLException {
    Map<Long, Relation> relations = new HashMap<>();
    try (var rs = connection.createStatement().executeQuery(QUERY)) {
      while (rs.next()) {
        relations.put(
            rs.getLong(1),
            new Relation(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3).charAt(0),
                rs.getLong(4),
                rs.getLong(5)));
      }
    }
    return new Relations(Map.copyOf(relations));
  }

  Relation get(long oid) {
    return byOid.get(oid);
  }
}

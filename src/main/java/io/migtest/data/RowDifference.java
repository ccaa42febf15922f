package io.migtest.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A few rows that one state of a table has and another lacks, as JSON, for a finding to show. Rows
 * are kept in memory only for tables of up to {@value #MAX_ROWS} rows; for larger ones the
 * fingerprints alone say that they differ.
 *
 * @param missing rows of the first state that the second lacks
 * @param added rows of the second state that the first lacks
 */
public record RowDifference(List<String> missing, List<String> added) {
  static final int MAX_ROWS = 10_000;

  /** Rows kept for all tables together; tables past it are compared by fingerprint alone. */
  static final int MAX_KEPT = 200_000;

  private static final int MAX_ROW_LENGTH = 200;

  /** Up to {@code shown} rows each way. */
  public static RowDifference between(List<String> before, List<String> after, int shown) {
    return new RowDifference(onlyIn(before, after, shown), onlyIn(after, before, shown));
  }

  /** Whether there are rows to show. */
  public boolean shown() {
    return !missing.isEmpty() || !added.isEmpty();
  }

  /**
   * The rows of each table small enough to keep (up to {@value #MAX_KEPT} rows in all), as JSON, by
   * qualified name, read in one query.
   */
  public static Map<String, List<String>> read(
      Connection connection, Collection<TableFingerprint> tables) throws SQLException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    List<String> parts = new ArrayList<>();
    long kept = 0;
    for (TableFingerprint table : tables) {
      if (table.rows() <= MAX_ROWS && kept + table.rows() <= MAX_KEPT) {
        kept += table.rows();
        rows.put(table.table(), new ArrayList<>());
        parts.add(
            "SELECT "
                + table.oid()
                + "::bigint, to_jsonb(migtest_row)::text FROM "
                + table.table()
                + " migtest_row");
      }
    }
    if (parts.isEmpty()) {
      return rows;
    }
    Map<Long, String> names = new HashMap<>();
    tables.forEach(t -> names.put(t.oid(), t.table()));
    try (var rs = connection.createStatement().executeQuery(String.join("\nUNION ALL\n", parts))) {
      while (rs.next()) {
        rows.get(names.get(rs.getLong(1))).add(rs.getString(2));
      }
    }
    return rows;
  }

  /** The rows of one table, or null when it has more than {@value #MAX_ROWS}. */
  public static List<String> read(Connection connection, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var rs =
        connection
            .createStatement()
            .executeQuery(
                "SELECT to_jsonb(migtest_row)::text FROM "
                    + table
                    + " migtest_row LIMIT "
                    + (MAX_ROWS + 1))) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows.size() > MAX_ROWS ? null : rows;
  }

  private static List<String> onlyIn(List<String> rows, List<String> others, int shown) {
    Map<String, Integer> left = new HashMap<>();
    others.forEach(r -> left.merge(r, 1, Integer::sum));
    List<String> only = new ArrayList<>();
    for (String row : rows.stream().sorted().toList()) {
      Integer count = left.get(row);
      if (count != null && count > 0) {
        left.put(row, count - 1);
      } else if (only.size() < shown) {
        only.add(row.length() > MAX_ROW_LENGTH ? row.substring(0, MAX_ROW_LENGTH) + "…" : row);
      }
    }
    return only;
  }
}

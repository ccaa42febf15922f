package io.migtest.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A few rows that one state of a table has and another lacks, as JSON, for a finding to show. Rows
 * are kept in memory only for tables of up to {@value #MAX_ROWS} rows; for larger ones the
 * fingerprints alone say that they differ.
 *
 * @param missing rows of the first state that the second lacks
 * @param added rows of the second state that the first lacks
 * @param columns the columns whose values differ, by name
 */
public record RowDifference(List<String> missing, List<String> added, List<String> columns) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Columns that hold when a row was last changed, which a trigger stamps on every update: a down
   * script cannot set them back, and their values are not the application's data.
   */
  private static final Pattern BOOKKEEPING =
      Pattern.compile(
          "(^|_)(updated|updation|modified|last_modified|changed)(_at|_on|_time|_ts)?$");

  static final int MAX_ROWS = 10_000;

  /** Rows kept for all tables together; tables past it are compared by fingerprint alone. */
  static final int MAX_KEPT = 200_000;

  private static final int MAX_ROW_LENGTH = 200;

  /** Up to {@code shown} rows each way, and the columns whose values differ. */
  public static RowDifference between(List<String> before, List<String> after, int shown) {
    return new RowDifference(
        onlyIn(before, after, shown), onlyIn(after, before, shown), columns(before, after));
  }

  /** No rows to show: the table is too large to compare row by row. */
  public static RowDifference unknown() {
    return new RowDifference(List.of(), List.of(), List.of());
  }

  /**
   * Whether only columns that stamp the time of the last change differ ({@code updated_at} ...):
   * the rows came back, a trigger stamped them on the way.
   */
  public boolean onlyBookkeeping() {
    return !columns.isEmpty()
        && columns.stream().allMatch(c -> BOOKKEEPING.matcher(c.toLowerCase(Locale.ROOT)).find());
  }

  /** The columns whose values, taken over all rows, differ between the two states. */
  private static List<String> columns(List<String> before, List<String> after) {
    Map<String, Map<String, Integer>> first = values(before);
    Map<String, Map<String, Integer>> second = values(after);
    Set<String> names = new TreeSet<>(first.keySet());
    names.addAll(second.keySet());
    return names.stream()
        .filter(c -> !first.getOrDefault(c, Map.of()).equals(second.getOrDefault(c, Map.of())))
        .toList();
  }

  private static Map<String, Map<String, Integer>> values(List<String> rows) {
    Map<String, Map<String, Integer>> values = new HashMap<>();
    for (String row : rows) {
      try {
        JSON.readTree(row)
            .fields()
            .forEachRemaining(
                e ->
                    values
                        .computeIfAbsent(e.getKey(), k -> new HashMap<>())
                        .merge(e.getValue().toString(), 1, Integer::sum));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("The server returned a row that is not JSON", e);
      }
    }
    return values;
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

  /**
   * The rows of one table as {@code columns} alone, or null when it has more than {@value
   * #MAX_ROWS}.
   */
  public static List<String> read(Connection connection, String table, List<String> columns)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (var rs =
        connection
            .createStatement()
            .executeQuery(
                "SELECT "
                    + TableFingerprint.rowJson("migtest_row", columns)
                    + "::text FROM "
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

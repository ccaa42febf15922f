package io.migtest.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills every table of a database with generated rows that satisfy its types, NOT NULL, unique keys
 * and foreign keys: parents first, each child row pointing at an existing parent row, a nullable
 * self-reference or a reference into a cycle left NULL. One {@code INSERT ... SELECT} per table
 * from {@code generate_series}; when the server refuses it (a CHECK, a unique key on a short
 * column, a trigger), row by row in a server-side loop that skips the rows it refuses. Tables it
 * could not fill completely are reported with the reason, never hidden. Then {@code ANALYZE} of the
 * user's tables, so the planner sees the rows.
 */
public final class Seeder {
  /** A table whose first rows all fail is given up after this many, with the server's reason. */
  private static final int FIRST_ROWS_TRIED = 100;

  private final Connection connection;
  private final long rowsPerTable;

  public Seeder(Connection connection, long rowsPerTable) {
    this.connection = connection;
    this.rowsPerTable = rowsPerTable;
  }

  /**
   * Seeds the database, leaving the tables named in {@code skipped} alone (the migration tool's
   * history table).
   */
  public List<TableFill> seed(Set<String> skipped) throws SQLException {
    return seed(skipped, false);
  }

  /**
   * Seeds the tables that have no rows yet, leaving those that have rows as they are (their rows
   * are the parents that new rows point at): what a later migration runs on after earlier ones
   * created tables.
   */
  public List<TableFill> seedEmpty(Set<String> skipped) throws SQLException {
    return seed(skipped, true);
  }

  private List<TableFill> seed(Set<String> skipped, boolean onlyEmpty) throws SQLException {
    List<SeedTable> tables = SeedCatalog.read(connection, skipped);
    Map<Long, Long> filled = new HashMap<>();
    Map<Long, SeedTable> byOid = new LinkedHashMap<>();
    tables.forEach(t -> byOid.put(t.oid(), t));
    List<TableFill> fills = new ArrayList<>();
    for (SeedTable table : parentsFirst(tables)) {
      long rows = onlyEmpty ? count(table) : 0;
      if (rows > 0) {
        filled.put(table.oid(), rows);
        continue;
      }
      TableFill fill = fill(table, byOid, filled);
      filled.put(table.oid(), fill.rows());
      fills.add(fill);
    }
    if (!fills.isEmpty()) {
      // The user's tables only: a bare ANALYZE reads every system catalog too, which costs more
      // than the rows.
      try (var s = connection.createStatement()) {
        s.execute("ANALYZE " + String.join(", ", tables.stream().map(SeedTable::name).toList()));
      }
    }
    return fills;
  }

  private TableFill fill(SeedTable table, Map<Long, SeedTable> tables, Map<Long, Long> filled)
      throws SQLException {
    RowSource source;
    try {
      source = RowSource.of(table, tables, filled);
    } catch (RowSource.Unfillable e) {
      return new TableFill(table.display(), 0, rowsPerTable, e.getMessage());
    }
    String reason = null;
    try (var s = connection.createStatement()) {
      for (String statement : source.prepare()) {
        s.execute(statement);
      }
      try {
        s.execute(source.insert("generate_series(1, " + rowsPerTable + ") AS g"));
      } catch (SQLException bulk) {
        reason = bulk.getMessage();
        s.execute(rowByRow(source));
      }
      for (String statement : source.cleanUp()) {
        s.execute(statement);
      }
    }
    long rows = count(table);
    return new TableFill(
        table.display(), rows, rowsPerTable, rows >= rowsPerTable ? null : firstLine(reason));
  }

  /**
   * A loop on the server that inserts one row at a time and skips those it refuses, giving up when
   * the first {@value #FIRST_ROWS_TRIED} all fail.
   */
  private String rowByRow(RowSource source) {
    String body =
        "DECLARE i bigint; inserted bigint := 0; BEGIN FOR i IN 1.."
            + rowsPerTable
            + " LOOP BEGIN "
            + source.insert("(SELECT i AS g) AS one")
            + "; inserted := inserted + 1; EXCEPTION WHEN others THEN NULL; END;"
            + " EXIT WHEN i >= "
            + FIRST_ROWS_TRIED
            + " AND inserted = 0; END LOOP; END";
    String tag = "$migtest_seed$";
    while (body.contains(tag)) {
      tag = "$migtest_seed_" + tag.length() + "$";
    }
    return "DO " + tag + body + tag;
  }

  private long count(SeedTable table) throws SQLException {
    try (var rs =
        connection.createStatement().executeQuery("SELECT count(*) FROM " + table.name())) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Tables in an order where each comes after the tables it references (cycles: by name). */
  static List<SeedTable> parentsFirst(List<SeedTable> tables) {
    List<SeedTable> ordered = new ArrayList<>();
    Set<Long> placed = new HashSet<>();
    Set<Long> known = new HashSet<>();
    tables.forEach(t -> known.add(t.oid()));
    List<SeedTable> waiting = new ArrayList<>(tables);
    while (!waiting.isEmpty()) {
      SeedTable next =
          waiting.stream()
              .filter(
                  t ->
                      t.foreignKeys().stream()
                          .allMatch(
                              k ->
                                  k.parent() == t.oid()
                                      || placed.contains(k.parent())
                                      || !known.contains(k.parent())))
              .findFirst()
              .orElse(waiting.get(0));
      ordered.add(next);
      placed.add(next.oid());
      waiting.remove(next);
    }
    return ordered;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "the server refused some generated rows";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}

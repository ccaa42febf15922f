package io.migtest.seed;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads from {@code pg_catalog} the tables seeding fills, with their columns and foreign keys. */
final class SeedCatalog {
  private static final String TABLES =
      """
      SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
             n.nspname || '.' || c.relname, c.relname
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                          AND d.deptype = 'e')
      ORDER BY n.nspname, c.relname
      """;

  private static final String COLUMNS =
      """
      SELECT a.attrelid, quote_ident(a.attname), a.attnum, format_type(a.atttypid, a.atttypmod),
             a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '',
             t.typcategory = 'A', b.typname, b.typtype,
             CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
             format_type(b.oid, NULL), a.attname
      FROM pg_attribute a
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN LATERAL (
        SELECT e.* FROM pg_type e
        WHERE e.oid = CASE
          WHEN t.typtype = 'd' THEN t.typbasetype
          WHEN t.typcategory = 'A' THEN t.typelem
          ELSE t.oid END
      ) b ON true
      WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (%s)
      ORDER BY a.attrelid, a.attnum
      """;

  private static final String FOREIGN_KEYS =
      """
      SELECT con.conrelid, con.confrelid, con.conkey,
             ARRAY(SELECT quote_ident(a.attname) FROM unnest(con.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n
                   ORDER BY k.i)
      FROM pg_constraint con
      WHERE con.contype = 'f' AND con.conrelid IN (%s)
      ORDER BY con.conrelid, con.conname
      """;

  /** Single-column CHECK constraints, as the server prints them back. */
  private static final String CHECKS =
      """
      SELECT conrelid, conkey[1], pg_get_constraintdef(oid)
      FROM pg_constraint
      WHERE contype = 'c' AND cardinality(conkey) = 1 AND conrelid IN (%s)
      """;

  /** Generated columns: what they compute, and their type, to shape the JSON they read. */
  private static final String GENERATED =
      """
      SELECT a.attrelid, pg_get_expr(d.adbin, d.adrelid), b.typname,
             CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END,
             CASE WHEN b.typtype = 'e' THEN format_type(b.oid, NULL) END
      FROM pg_attribute a
      JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      JOIN pg_type t ON t.oid = a.atttypid
      JOIN pg_type b ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      WHERE a.attgenerated = 's' AND a.attrelid IN (%s)
      """;

  private SeedCatalog() {}

  /** The tables of the database, except those named in {@code skipped} (unqualified names). */
  static List<SeedTable> read(Connection connection, Set<String> skipped) throws SQLException {
    Map<Long, String[]> names = new LinkedHashMap<>();
    try (var rs = connection.createStatement().executeQuery(TABLES)) {
      while (rs.next()) {
        if (!skipped.contains(rs.getString(4))) {
          names.put(rs.getLong(1), new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    if (names.isEmpty()) {
      return List.of();
    }
    String oids = names.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    Map<String, String> choices = new HashMap<>();
    try (var read = connection.createStatement()) {
      try (var rs = read.executeQuery(CHECKS.formatted(oids))) {
        while (rs.next()) {
          String column = rs.getLong(1) + "/" + rs.getInt(2);
          CheckChoices.of(rs.getString(3)).ifPresent(array -> choices.putIfAbsent(column, array));
        }
      }
    }
    Map<Long, Map<String, JsonShape>> shapes = new HashMap<>();
    try (var read = connection.createStatement()) {
      try (var rs = read.executeQuery(GENERATED.formatted(oids))) {
        while (rs.next()) {
          JsonShape.read(
              shapes.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()),
              rs.getString(2),
              rs.getString(3),
              rs.getInt(4),
              rs.getString(5));
        }
      }
    }
    Map<Long, List<SeedColumn>> columns = new LinkedHashMap<>();
    try (var read = connection.createStatement()) {
      try (var rs = read.executeQuery(COLUMNS.formatted(oids))) {
        while (rs.next()) {
          boolean isEnum = "e".equals(rs.getString(9));
          String baseType = rs.getString(8);
          JsonShape shape = shapes.getOrDefault(rs.getLong(1), Map.of()).get(rs.getString(12));
          columns
              .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(
                  new SeedColumn(
                      rs.getString(2),
                      rs.getInt(3),
                      rs.getString(4),
                      rs.getString(8),
                      rs.getInt(10),
                      isEnum ? rs.getString(11) : null,
                      rs.getBoolean(7),
                      rs.getBoolean(5),
                      rs.getBoolean(6),
                      choices.get(rs.getLong(1) + "/" + rs.getInt(3)),
                      shape != null && baseType.startsWith("json") ? shape.expression() : null));
        }
      }
    }
    Map<Long, List<SeedTable.ForeignKey>> keys = new LinkedHashMap<>();
    try (var read = connection.createStatement()) {
      try (var rs = read.executeQuery(FOREIGN_KEYS.formatted(oids))) {
        while (rs.next()) {
          long table = rs.getLong(1);
          List<SeedColumn> own = new ArrayList<>();
          for (Object number : (Object[]) rs.getArray(3).getArray()) {
            int attnum = ((Number) number).intValue();
            columns.getOrDefault(table, List.of()).stream()
                .filter(c -> c.number() == attnum)
                .findFirst()
                .ifPresent(own::add);
          }
          List<String> parentColumns = List.of((String[]) rs.getArray(4).getArray());
          keys.computeIfAbsent(table, k -> new ArrayList<>())
              .add(new SeedTable.ForeignKey(own, rs.getLong(2), parentColumns));
        }
      }
    }
    List<SeedTable> tables = new ArrayList<>();
    names.forEach(
        (oid, name) ->
            tables.add(
                new SeedTable(
                    oid,
                    name[0],
                    name[1],
                    columns.getOrDefault(oid, List.of()),
                    keys.getOrDefault(oid, List.of()))));
    return tables;
  }
}

package io.migtest.lint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base state's catalog, read once from {@code pg_catalog} into memory: a few queries, then
 * every rule's question is a map lookup. Unqualified names resolve along the search path the
 * migrations' connection has ({@code pg_catalog} first, as PostgreSQL does for functions).
 */
public final class CatalogSnapshot implements BaseCatalog {
  private static final String USER_SCHEMAS =
      "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";
  private static final Pattern NOT_NULL_CHECK =
      Pattern.compile("^CHECK \\(\\(\"?([^\"()]+)\"? IS NOT NULL\\)\\)$");

  private final List<String> searchPath = new ArrayList<>();
  private final Map<String, Relation> relations = new HashMap<>();
  private final Map<String, Map<String, Column>> columns = new HashMap<>();
  private final Map<String, Volatility> functions = new HashMap<>();
  private final Set<String> notNullChecks = new HashSet<>();
  private final Map<String, List<String>> enums = new HashMap<>();
  private final Map<String, List<String>> primaryKeys = new HashMap<>();
  private final Map<String, Domain> domains = new HashMap<>();
  private final Set<String> indexedColumns = new HashSet<>();
  private final Map<String, String> types = new HashMap<>();
  private final Set<String> schemas = new HashSet<>();

  private CatalogSnapshot() {}

  /** Reads the catalog of the database {@code connection} is connected to. */
  public static CatalogSnapshot read(Connection connection) throws SQLException {
    CatalogSnapshot snapshot = new CatalogSnapshot();
    try (Statement s = connection.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT unnest(current_schemas(true))")) {
        while (rs.next()) {
          snapshot.searchPath.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, c.relname, c.relkind, c.reltuples FROM pg_class c"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE "
                  + USER_SCHEMAS)) {
        while (rs.next()) {
          snapshot.relations.put(
              key(rs.getString(1), rs.getString(2)),
              new Relation(
                  rs.getString(1), rs.getString(2), rs.getString(3).charAt(0), rs.getLong(4)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod),"
                  + " a.attnotnull, a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> ''"
                  + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE a.attnum > 0 AND NOT a.attisdropped AND "
                  + USER_SCHEMAS)) {
        while (rs.next()) {
          snapshot
              .columns
              .computeIfAbsent(key(rs.getString(1), rs.getString(2)), k -> new HashMap<>())
              .put(
                  rs.getString(3),
                  new Column(rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, p.proname, max(p.provolatile) FROM pg_proc p"
                  + " JOIN pg_namespace n ON n.oid = p.pronamespace GROUP BY 1, 2")) {
        while (rs.next()) {
          snapshot.functions.put(
              key(rs.getString(1), rs.getString(2)),
              switch (rs.getString(3)) {
                case "i" -> Volatility.IMMUTABLE;
                case "s" -> Volatility.STABLE;
                default -> Volatility.VOLATILE;
              });
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, c.relname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
                  + " JOIN pg_class c ON c.oid = k.conrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE k.contype = 'c' AND k.convalidated AND "
                  + USER_SCHEMAS)) {
        while (rs.next()) {
          Matcher m = NOT_NULL_CHECK.matcher(rs.getString(3));
          if (m.matches()) {
            snapshot.notNullChecks.add(key(rs.getString(1), rs.getString(2)) + "." + m.group(1));
          }
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)"
                  + " FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid"
                  + " JOIN pg_namespace n ON n.oid = t.typnamespace GROUP BY 1, 2")) {
        while (rs.next()) {
          snapshot.enums.put(
              key(rs.getString(1), rs.getString(2)), List.of((String[]) rs.getArray(3).getArray()));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, c.relname, array_agg(a.attname ORDER BY k.ord) FROM pg_constraint p"
                  + " JOIN pg_class c ON c.oid = p.conrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY k(attnum, ord)"
                  + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
                  + " WHERE p.contype = 'p' AND "
                  + USER_SCHEMAS
                  + " GROUP BY 1, 2, p.oid")) {
        while (rs.next()) {
          snapshot.primaryKeys.put(
              key(rs.getString(1), rs.getString(2)), List.of((String[]) rs.getArray(3).getArray()));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, t.typname, format_type(t.typbasetype, t.typtypmod),"
                  + " t.typnotnull OR EXISTS (SELECT 1 FROM pg_constraint k"
                  + " WHERE k.contypid = t.oid)"
                  + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                  + " WHERE t.typtype = 'd'")) {
        while (rs.next()) {
          snapshot.domains.put(
              key(rs.getString(1), rs.getString(2)), new Domain(rs.getString(3), rs.getBoolean(4)));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT n.nspname, t.typname FROM pg_type t"
                  + " JOIN pg_namespace n ON n.oid = t.typnamespace"
                  + " LEFT JOIN pg_class c ON c.oid = t.typrelid"
                  + " WHERE t.typcategory <> 'A' AND (t.typrelid = 0 OR c.relkind = 'c') AND "
                  + USER_SCHEMAS)) {
        while (rs.next()) {
          snapshot.types.put(key(rs.getString(1), rs.getString(2)), rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace")) {
        while (rs.next()) {
          snapshot.schemas.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT DISTINCT n.nspname, c.relname, a.attname FROM pg_index x"
                  + " JOIN pg_class c ON c.oid = x.indrelid"
                  + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                  + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                  + " WHERE (a.attnum = ANY (x.indkey) OR EXISTS (SELECT 1 FROM pg_depend d"
                  + " WHERE d.classid = 'pg_class'::regclass AND d.objid = x.indexrelid"
                  + " AND d.refclassid = 'pg_class'::regclass AND d.refobjid = c.oid"
                  + " AND d.refobjsubid = a.attnum)) AND "
                  + USER_SCHEMAS)) {
        while (rs.next()) {
          snapshot.indexedColumns.add(
              key(rs.getString(1), rs.getString(2)) + "." + rs.getString(3));
        }
      }
    }
    return snapshot;
  }

  @Override
  public boolean known() {
    return true;
  }

  @Override
  public Optional<Relation> relation(QualifiedName name) {
    return resolve(name, relations);
  }

  @Override
  public Optional<Column> column(QualifiedName table, String column) {
    return resolve(table, columns).map(cols -> cols.get(column));
  }

  @Override
  public Optional<Volatility> volatility(QualifiedName function) {
    return resolve(function, functions);
  }

  @Override
  public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
    return relation(table)
        .map(r -> notNullChecks.contains(key(r.schema(), r.name()) + "." + column))
        .orElse(false);
  }

  @Override
  public Optional<List<String>> enumLabels(QualifiedName type) {
    return resolve(type, enums);
  }

  @Override
  public boolean type(QualifiedName type) {
    return resolve(type, types).isPresent();
  }

  @Override
  public boolean schema(String schema) {
    return schemas.contains(schema);
  }

  @Override
  public Optional<List<String>> primaryKey(QualifiedName table) {
    return relation(table).map(r -> primaryKeys.get(key(r.schema(), r.name())));
  }

  @Override
  public Optional<Domain> domain(QualifiedName type) {
    return resolve(type, domains);
  }

  @Override
  public boolean indexed(QualifiedName table, String column) {
    return relation(table)
        .map(r -> indexedColumns.contains(key(r.schema(), r.name()) + "." + column))
        .orElse(false);
  }

  private <T> Optional<T> resolve(QualifiedName name, Map<String, T> map) {
    if (name.schema() != null) {
      return Optional.ofNullable(map.get(key(name.schema(), name.name())));
    }
    for (String schema : searchPath) {
      T found = map.get(key(schema, name.name()));
      if (found != null) {
        return Optional.of(found);
      }
    }
    return Optional.empty();
  }

  private static String key(String schema, String name) {
    return schema + "\u0000" + name;
  }
}

package io.migtest.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A database's schema as data: every object of the user's schemas ({@link CatalogQueries}) keyed by
 * kind and name ({@code column public.orders.note}), with its properties as the server prints them.
 * Sorted and free of run-specific values, so two snapshots of the same schema are equal and
 * serialize to the same JSON.
 *
 * @param objects by {@code "<kind> <name>"}, each property by name; absent properties are left out
 */
public record SchemaSnapshot(
    int schemaVersion, SortedMap<String, SortedMap<String, String>> objects) {
  public static final int SCHEMA_VERSION = 1;

  private static final List<String> CHANGED_MOST = List.of("column", "constraint", "index");

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  /**
   * Reads the schema of the database {@code connection} is on, leaving out the tables named in
   * {@code ignoredTables} (unqualified: the migration tool's history table) and what belongs to
   * them.
   */
  public static SchemaSnapshot read(Connection connection, Set<String> ignoredTables)
      throws SQLException {
    SortedMap<String, SortedMap<String, String>> objects = new TreeMap<>();
    for (CatalogQueries.Query query : CatalogQueries.ALL) {
      objects.putAll(read(connection, query, ignoredTables));
    }
    return new SchemaSnapshot(SCHEMA_VERSION, objects);
  }

  /**
   * Whether the schema of the database {@code connection} is on equals {@code expected} (read as
   * {@link #read} reads it), reading one kind of object at a time, columns, constraints and indexes
   * first, and stopping at the first kind that differs: most schemas compared this way do.
   */
  public static boolean matches(
      Connection connection, Set<String> ignoredTables, SchemaSnapshot expected)
      throws SQLException {
    List<String> kinds =
        new ArrayList<>(
            CatalogQueries.ALL.stream().map(CatalogQueries.Query::kind).distinct().toList());
    kinds.sort(Comparator.comparingInt(SchemaSnapshot::rankWhenMatching));
    for (String kind : kinds) {
      SortedMap<String, SortedMap<String, String>> found = new TreeMap<>();
      for (CatalogQueries.Query query : CatalogQueries.ALL) {
        if (query.kind().equals(kind)) {
          found.putAll(read(connection, query, ignoredTables));
        }
      }
      if (!found.equals(expected.objects().subMap(kind + " ", kind + "!"))) {
        return false;
      }
    }
    return true;
  }

  /** Kinds a change most often touches come first; the others keep their order. */
  private static int rankWhenMatching(String kind) {
    int rank = CHANGED_MOST.indexOf(kind);
    return rank < 0 ? CHANGED_MOST.size() : rank;
  }

  /** The objects of one kind, by {@code "<kind> <name>"}. */
  private static SortedMap<String, SortedMap<String, String>> read(
      Connection connection, CatalogQueries.Query query, Set<String> ignoredTables)
      throws SQLException {
    SortedMap<String, SortedMap<String, String>> objects = new TreeMap<>();
    try (var rs = connection.createStatement().executeQuery(query.sql())) {
      ResultSetMetaData columns = rs.getMetaData();
      while (rs.next()) {
        String name = rs.getString(1);
        if (name == null) {
          continue;
        }
        SortedMap<String, String> properties = new TreeMap<>();
        for (int i = 2; i <= columns.getColumnCount(); i++) {
          String value = rs.getString(i);
          if (value != null) {
            properties.put(columns.getColumnLabel(i), value);
          }
        }
        if (!belongsTo(query.kind(), name, properties, ignoredTables)) {
          objects.put(query.kind() + " " + name, properties);
        }
      }
    }
    return objects;
  }

  /** Whether the object is one of an ignored table's, or its part. */
  private static boolean belongsTo(
      String kind, String name, Map<String, String> properties, Set<String> ignoredTables) {
    String[] parts = name.split("\\.");
    String table =
        switch (kind) {
          case "table", "column", "constraint", "trigger", "policy", "comment" ->
              parts.length > 1 ? parts[1] : "";
          case "index" -> onTable(properties.getOrDefault("definition", ""));
          case "sequence" -> {
            String owner = properties.getOrDefault("owned by", "");
            String[] ownerParts = owner.split("\\.");
            yield ownerParts.length > 1 ? ownerParts[1] : "";
          }
          default -> "";
        };
    return ignoredTables.contains(table);
  }

  /** The unqualified table of {@code CREATE INDEX ... ON [ONLY] schema.table USING ...}. */
  private static String onTable(String definition) {
    int on = definition.indexOf(" ON ");
    if (on < 0) {
      return "";
    }
    String rest = definition.substring(on + 4).replaceFirst("^ONLY ", "");
    String qualified = rest.split(" ")[0];
    return qualified.substring(qualified.lastIndexOf('.') + 1).replace("\"", "");
  }

  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a snapshot is plain strings", e);
    }
  }

  /** The snapshot in {@code json}, or empty when it is not one (another version, not JSON). */
  public static Optional<SchemaSnapshot> fromJson(String json) {
    try {
      Map<String, Object> tree = MAPPER.readValue(json, new TypeReference<>() {});
      if (!Integer.valueOf(SCHEMA_VERSION).equals(tree.get("schemaVersion"))) {
        return Optional.empty();
      }
      SortedMap<String, SortedMap<String, String>> objects =
          MAPPER.convertValue(tree.get("objects"), new TypeReference<>() {});
      return objects == null
          ? Optional.empty()
          : Optional.of(new SchemaSnapshot(SCHEMA_VERSION, objects));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}

package io.migtest.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code INSERT} that fills one table from row numbers {@code g}: a generated value per column,
 * and for each foreign key the columns of the parent's row number {@code 1 + (g - 1) % parentRows},
 * read from a numbered, indexed copy of the parent's keys in a temporary table. Columns the server
 * fills (identity, generated, defaults) are left to it.
 */
final class RowSource {
  /** A table that cannot get rows at all, and why. */
  static final class Unfillable extends Exception {
    Unfillable(String message) {
      super(message);
    }
  }

  private final SeedTable table;
  private final List<String> prepare;
  private final List<String> cleanUp;
  private final Map<String, String> values;
  private final List<String> joins;

  private RowSource(
      SeedTable table,
      List<String> prepare,
      List<String> cleanUp,
      Map<String, String> values,
      List<String> joins) {
    this.table = table;
    this.prepare = prepare;
    this.cleanUp = cleanUp;
    this.values = values;
    this.joins = joins;
  }

  /**
   * @param tables every table seeding knows, by oid
   * @param filled how many rows each table filled so far has
   */
  static RowSource of(SeedTable table, Map<Long, SeedTable> tables, Map<Long, Long> filled)
      throws Unfillable {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> decided = new HashSet<>();
    List<String> prepare = new ArrayList<>();
    List<String> cleanUp = new ArrayList<>();
    List<String> joins = new ArrayList<>();
    Map<Long, Long> referencedBefore = new HashMap<>();
    for (SeedTable.ForeignKey key : table.foreignKeys()) {
      if (key.columns().isEmpty()
          || key.columns().stream().anyMatch(c -> decided.contains(c.name()))) {
        continue;
      }
      long parentRows = key.parent() == table.oid() ? 0 : filled.getOrDefault(key.parent(), 0L);
      SeedTable parent = tables.get(key.parent());
      if (parentRows == 0 || parent == null) {
        if (!key.nullable()) {
          throw new Unfillable(
              "its foreign key to "
                  + (parent == null ? "a table migtest does not fill" : parent.display())
                  + (key.parent() == table.oid()
                      ? " references the table itself"
                      : " needs parent rows, and that table has none")
                  + ", and the key's columns are NOT NULL");
        }
        key.columns().forEach(c -> decided.add(c.name()));
        continue;
      }
      String copy = "migtest_seed_parent_" + joins.size();
      String keyColumns = String.join(", ", key.parentColumns());
      prepare.add(
          "CREATE TEMP TABLE "
              + copy
              + " AS SELECT "
              + keyColumns
              + ", row_number() OVER () AS migtest_row FROM "
              + parent.name());
      prepare.add("CREATE INDEX ON " + copy + " (migtest_row)");
      cleanUp.add("DROP TABLE " + copy);
      // A second key to the same parent points at the next row: two references to one table
      // (a sender and a recipient, a user and a contact) are often checked to differ.
      long shift = referencedBefore.merge(key.parent(), 1L, Long::sum) - 1;
      joins.add(
          "JOIN "
              + copy
              + " ON "
              + copy
              + ".migtest_row = 1 + (g - 1 + "
              + shift
              + ") % "
              + parentRows);
      for (int i = 0; i < key.columns().size(); i++) {
        SeedColumn column = key.columns().get(i);
        values.put(column.name(), copy + "." + key.parentColumns().get(i));
        decided.add(column.name());
      }
    }
    int salt = 0;
    for (SeedColumn column : table.columns()) {
      salt++;
      if (decided.contains(column.name()) || column.filledByServer()) {
        continue;
      }
      String value = ColumnValues.expression(column, salt, table.name());
      if (value == null) {
        if (column.notNull()) {
          throw new Unfillable(
              "column "
                  + column.name()
                  + " is "
                  + column.formattedType()
                  + " NOT NULL, a type migtest cannot generate values for");
        }
        continue;
      }
      values.put(column.name(), value);
    }
    return new RowSource(table, prepare, cleanUp, values, joins);
  }

  /** What to run before the inserts: the numbered copies of the parents' keys. */
  List<String> prepare() {
    return prepare;
  }

  List<String> cleanUp() {
    return cleanUp;
  }

  /** The insert of the rows {@code from} yields, each with its number as {@code g}. */
  String insert(String from) {
    if (values.isEmpty()) {
      return "INSERT INTO " + table.name() + " SELECT FROM " + from;
    }
    return "INSERT INTO "
        + table.name()
        + " ("
        + String.join(", ", values.keySet())
        + ") SELECT "
        + String.join(", ", values.values())
        + " FROM "
        + from
        + (joins.isEmpty() ? "" : " " + String.join(" ", joins));
  }
}

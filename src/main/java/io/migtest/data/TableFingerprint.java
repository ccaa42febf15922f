package io.migtest.data;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a table holds, in two numbers: its row count and a checksum that does not depend on the
 * order of the rows nor of the columns (each row is hashed as JSON, whose keys are sorted).
 *
 * @param oid the table's identity in one database; a renamed table keeps it
 * @param table the qualified name as SQL writes it ({@code public.orders})
 * @param schema the schema's name as the catalog has it
 * @param name the table's name as the catalog has it
 * @param columns its columns, in order: what a row's JSON holds
 */
public record TableFingerprint(
    long oid,
    String table,
    String schema,
    String name,
    List<String> columns,
    long rows,
    String checksum) {

  /**
   * The JSON of row {@code alias}: every column, or only {@code columns} when given, so that a
   * column a down script left behind does not count as a change of the data.
   */
  static String rowJson(String alias, List<String> columns) {
    if (columns == null) {
      return "to_jsonb(" + alias + ")";
    }
    String names =
        columns.stream()
            .map(c -> "'" + c.replace("'", "''") + "'")
            .collect(Collectors.joining(", "));
    return "(SELECT coalesce(jsonb_object_agg(k, v), '{}') FROM jsonb_each(to_jsonb("
        + alias
        + ")) AS e(k, v) WHERE k IN ("
        + (names.isEmpty() ? "NULL" : names)
        + "))";
  }

  /** Whether the two hold the same rows (as far as a 64-bit hash per row can tell). */
  public boolean sameRows(TableFingerprint other) {
    return rows == other.rows && checksum.equals(other.checksum);
  }
}

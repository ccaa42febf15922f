package io.migtest.data;

/**
 * What a table holds, in two numbers: its row count and a checksum that does not depend on the
 * order of the rows nor of the columns (each row is hashed as JSON, whose keys are sorted).
 *
 * @param oid the table's identity in one database; a renamed table keeps it
 * @param table the qualified name as SQL writes it ({@code public.orders})
 * @param schema the schema's name as the catalog has it
 * @param name the table's name as the catalog has it
 */
public record TableFingerprint(
    long oid, String table, String schema, String name, long rows, String checksum) {

  /** Whether the two hold the same rows (as far as a 64-bit hash per row can tell). */
  public boolean sameRows(TableFingerprint other) {
    return rows == other.rows && checksum.equals(other.checksum);
  }
}

package io.migtest.seed;

import java.util.List;

/**
 * A table to fill: a plain or partitioned table of the user's (not a partition, not an
 * extension's).
 *
 * @param name the qualified, quoted name
 * @param display the qualified name for reports ({@code public.orders})
 * @param foreignKeys its foreign keys, in the catalog's order
 */
record SeedTable(
    long oid, String name, String display, List<SeedColumn> columns, List<ForeignKey> foreignKeys) {

  /**
   * A foreign key of this table.
   *
   * @param columns this table's columns, in the key's order
   * @param parent the referenced table's oid
   * @param parentColumns the referenced columns (quoted), in the same order
   */
  record ForeignKey(List<SeedColumn> columns, long parent, List<String> parentColumns) {
    boolean nullable() {
      return columns.stream().noneMatch(SeedColumn::notNull);
    }
  }
}

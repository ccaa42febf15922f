package io.migtest.lint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The types and primary keys the pull request's statements gave columns so far, in migration order,
 * so that a rule can compare a new column with one the pull request defined earlier (a foreign key
 * to a table created two migrations before), with or without a database.
 */
final class PullRequestColumns {
  private final Map<String, Map<String, ColumnType>> types = new HashMap<>();
  private final Map<String, List<String>> primaryKeys = new HashMap<>();

  /** The type the pull request last gave the column, or null. */
  ColumnType type(QualifiedName table, String column) {
    return types.getOrDefault(table.name(), Map.of()).get(column);
  }

  /** The primary key the pull request gave the table, or null. */
  List<String> primaryKey(QualifiedName table) {
    return primaryKeys.get(table.name());
  }

  /** Records the columns and one-column primary keys {@code t} defines. */
  void record(Tokens t) {
    for (ColumnDefinition column : ColumnDefinition.of(t)) {
      types
          .computeIfAbsent(column.table().name(), k -> new HashMap<>())
          .put(column.name(), column.type());
      if (column.primaryKey()) {
        primaryKeys.put(column.table().name(), List.of(column.name()));
      }
    }
    AlterTable.of(t)
        .ifPresent(
            alter ->
                alter.actions().stream()
                    .map(ColumnDefinition::addedPrimaryKey)
                    .flatMap(Optional::stream)
                    .forEach(column -> primaryKeys.put(alter.table().name(), List.of(column))));
  }
}

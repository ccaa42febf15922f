package io.migtest.lint;

import java.util.Optional;

/**
 * An {@code ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE x] [USING e]} action of an ALTER TABLE,
 * read from its tokens (JSqlParser does not parse the {@code SET DATA TYPE} form).
 *
 * @param collate whether a {@code COLLATE} clause is given
 * @param using whether a {@code USING} expression is given, which always rewrites the table
 */
public record AlterColumnType(String column, LocksColumnType type, boolean collate, boolean using) {
  /** The action as a type change, unless it is another action. */
  public static Optional<AlterColumnType> of(Tokens action) {
    String column = AlterTable.alteredColumn(action);
    if (column == null) {
      return Optional.empty();
    }
    int after = action.afterName(action.matchesAt(1, "column") ? 2 : 1);
    int type =
        action.matchesAt(after, "set", "data", "type")
            ? after + 3
            : action.matchesAt(after, "type") ? after + 1 : -1;
    if (type < 0) {
      return Optional.empty();
    }
    int collate = action.find(type, "collate");
    int using = action.find(type, "using");
    int end = collate >= 0 ? collate : using >= 0 ? using : action.size();
    return Optional.of(
        new AlterColumnType(
            column, LocksColumnType.of(action.slice(type, end)), collate >= 0, using >= 0));
  }

  /**
   * What the change does to {@code table}, whose old column type the catalog gives; empty when the
   * catalog does not know the column (no database, or a column the pull request renamed).
   */
  public Optional<TypeChange.Effect> effect(QualifiedName table, BaseCatalog catalog) {
    if (using) {
      return Optional.of(TypeChange.Effect.REWRITE);
    }
    return catalog
        .column(table, column)
        .map(old -> TypeChange.of(LocksColumnType.parse(old.type()), type, catalog))
        .map(e -> e == TypeChange.Effect.NONE && collate ? TypeChange.Effect.INDEXES_REBUILT : e);
  }
}

package io.migtest.lint;

import java.util.List;
import java.util.Optional;

/**
 * An {@code ALTER TABLE [IF EXISTS] [ONLY] name action, action, ...} statement read from its
 * tokens, with its actions split at the top-level commas ({@code ADD COLUMN ...}, {@code ALTER
 * COLUMN ...}, {@code ADD CONSTRAINT ...}). JSqlParser does not parse several forms lint needs
 * ({@code NOT VALID}, {@code USING INDEX}, {@code SET DATA TYPE}), so lint reads them here.
 */
public record AlterTable(QualifiedName table, List<Tokens> actions) {
  /** The statement as an ALTER TABLE, unless it is another statement. */
  public static Optional<AlterTable> of(Tokens t) {
    return t.derived(AlterTable.class, AlterTable::read);
  }

  private static Optional<AlterTable> read(Tokens t) {
    if (!t.startsWith("alter", "table")) {
      return Optional.empty();
    }
    int name = t.skipIfExists(2);
    name = t.matchesAt(name, "only") ? name + 1 : name;
    QualifiedName table = t.nameAt(name);
    if (table == null) {
      return Optional.empty();
    }
    return Optional.of(
        new AlterTable(table, List.copyOf(t.from(t.afterName(name)).splitAtTopLevelCommas())));
  }

  /**
   * The statement as an ALTER TABLE of a table that existed before the pull request: what rules
   * about locks and breaking changes look at (a table the pull request creates is empty and
   * unused).
   */
  public static Optional<AlterTable> ofExisting(LintStatement statement, LintContext context) {
    return of(statement.tokens()).filter(alter -> context.existedBefore(alter.table()));
  }

  /** The column an {@code ALTER [COLUMN] c ...} action changes, or null for other actions. */
  public static String alteredColumn(Tokens action) {
    if (!action.startsWith("alter")) {
      return null;
    }
    int i = action.matchesAt(1, "column") ? 2 : 1;
    QualifiedName column = action.nameAt(i);
    return column == null ? null : column.name();
  }
}

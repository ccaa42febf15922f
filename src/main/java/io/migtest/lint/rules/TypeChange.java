package io.migtest.lint.rules;

import io.migtest.lint.AlterTable;
import io.migtest.lint.Tokens;
import java.util.Optional;

/**
 * An {@code ALTER [COLUMN] c [SET DATA] TYPE t [COLLATE ...] [USING ...]} action of an ALTER TABLE,
 * read from its tokens (JSqlParser does not parse the {@code SET DATA TYPE} form).
 *
 * @param type the tokens of the new type, without {@code COLLATE} and {@code USING}
 */
record TypeChange(String column, Tokens type) {
  static Optional<TypeChange> of(Tokens action) {
    String column = AlterTable.alteredColumn(action);
    if (column == null) {
      return Optional.empty();
    }
    int i = action.afterName(action.matchesAt(1, "column") ? 2 : 1);
    int type =
        action.matchesAt(i, "set", "data", "type")
            ? i + 3
            : action.matchesAt(i, "type") ? i + 1 : -1;
    if (type < 0) {
      return Optional.empty();
    }
    int end = action.size();
    for (String word : new String[] {"collate", "using"}) {
      int at = TopLevel.find(action, type, word);
      end = at >= 0 ? Math.min(end, at) : end;
    }
    return Optional.of(new TypeChange(column, action.slice(type, end)));
  }
}

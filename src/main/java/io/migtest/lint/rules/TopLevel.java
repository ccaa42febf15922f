package io.migtest.lint.rules;

import io.migtest.lint.SqlTokens.Token;
import io.migtest.lint.Tokens;

/**
 * Finds words outside parentheses and brackets, so that a rule reading a column definition does not
 * take the {@code NOT NULL} of a {@code CHECK (c IS NOT NULL)} or the {@code DEFAULT} inside an
 * expression for the column's own.
 */
final class TopLevel {
  private TopLevel() {}

  /** Where {@code words} first follow one another outside parentheses, at or after {@code from}. */
  static int find(Tokens t, int from, String... words) {
    int depth = 0;
    for (int i = 0; i < t.size(); i++) {
      Token token = t.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (depth == 0 && i >= from && t.matchesAt(i, words)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code words} follow one another outside parentheses. */
  static boolean has(Tokens t, String... words) {
    return find(t, 0, words) >= 0;
  }
}

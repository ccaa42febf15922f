package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements a {@code DO} block runs to create or change objects, read from its body: PL/pgSQL
 * runs SQL such as {@code CREATE TYPE} as written, the idempotent shape many projects use ({@code
 * DO $$ BEGIN CREATE TYPE mood AS ENUM (...); EXCEPTION WHEN duplicate_object THEN NULL; END $$}).
 * Each piece of the body between semicolons gives the statement from its first {@code CREATE} or
 * {@code ALTER} on; text an {@code EXECUTE} runs is a string and stays unread, as does a body in
 * another language.
 */
final class DoBlock {
  private DoBlock() {}

  /** The creating or altering statements of {@code t}'s body; none when it is not a DO block. */
  static List<Tokens> statements(Tokens t) {
    if (!t.startsWith("do")) {
      return List.of();
    }
    Token body = null;
    for (int i = 1; i < t.size(); i++) {
      if (t.matchesAt(i, "language") && i + 1 < t.size() && !isPlpgsql(t.get(i + 1))) {
        return List.of();
      }
      if (body == null && t.get(i).kind() == Kind.STRING) {
        body = t.get(i);
      }
    }
    if (body == null) {
      return List.of();
    }
    Tokens inside = Tokens.of(SqlTokens.of(body.value(), body.line()));
    List<Tokens> statements = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= inside.size(); i++) {
      if (i == inside.size() || inside.get(i).isSymbol(";")) {
        Tokens piece = inside.slice(start, i);
        int first = firstOf(piece, "create", "alter");
        if (first >= 0) {
          statements.add(piece.from(first));
        }
        start = i + 1;
      }
    }
    return statements;
  }

  private static boolean isPlpgsql(Token language) {
    return language.value().equalsIgnoreCase("plpgsql");
  }

  private static int firstOf(Tokens piece, String... words) {
    for (int i = 0; i < piece.size(); i++) {
      for (String word : words) {
        if (piece.get(i).isWord(word)) {
          return i;
        }
      }
    }
    return -1;
  }
}

package io.migtest.lint;

import java.util.Optional;
import java.util.Set;

/**
 * A column definition ({@code ALTER TABLE ... ADD [COLUMN]}, or an element of {@code CREATE TABLE})
 * read from its tokens: its type, its default and the column constraints that decide whether the
 * table is rewritten or an index is built. Read from tokens because the rules that need it also run
 * where JSqlParser fails on the statement (another action of the same ALTER TABLE, for example,
 * says {@code NOT VALID}).
 *
 * @param defaultExpression the tokens after {@code DEFAULT}, or null without a default
 * @param generatedStored {@code GENERATED ALWAYS AS (...) STORED}
 * @param identity {@code GENERATED ... AS IDENTITY}
 */
public record LocksColumnDefinition(
    String name,
    Tokens type,
    Tokens defaultExpression,
    boolean generatedStored,
    boolean identity,
    boolean unique,
    boolean primaryKey) {
  private static final Set<String> NOT_A_COLUMN =
      Set.of("constraint", "check", "unique", "primary", "foreign", "exclude", "like");
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of(
          "constraint",
          "not",
          "null",
          "default",
          "check",
          "unique",
          "primary",
          "references",
          "generated",
          "collate",
          "deferrable",
          "initially",
          "compression",
          "storage");
  private static final Set<String> SERIALS =
      Set.of("smallserial", "serial", "bigserial", "serial2", "serial4", "serial8");

  /** The column an {@code ADD [COLUMN] [IF NOT EXISTS] name type ...} action adds, if it is one. */
  public static Optional<LocksColumnDefinition> ofAddAction(Tokens action) {
    if (!action.startsWith("add")) {
      return Optional.empty();
    }
    return of(action.from(action.skipIfNotExists(action.matchesAt(1, "column") ? 2 : 1)));
  }

  /**
   * The column a {@code name type [constraints]} definition declares (also an element of {@code
   * CREATE TABLE}), unless it is a table constraint.
   */
  public static Optional<LocksColumnDefinition> of(Tokens d) {
    if (d.isEmpty()
        || !d.get(0).isName()
        || d.get(0).kind() == SqlTokens.Kind.WORD && NOT_A_COLUMN.contains(d.get(0).value())) {
      return Optional.empty();
    }
    String name = d.get(0).value();
    int typeEnd = nextConstraintWord(d, 1);
    Tokens type = d.slice(1, typeEnd);
    Tokens defaultExpression = null;
    boolean generatedStored = false;
    boolean identity = false;
    boolean unique = false;
    boolean primaryKey = false;
    for (int k = typeEnd; k < d.size(); k++) {
      if (d.matchesAt(k, "(")) {
        k = d.closing(k);
      } else if (d.matchesAt(k, "default")) {
        int start = k + 1;
        int end = nextConstraintWord(d, d.matchesAt(start, "null") ? start + 1 : start);
        defaultExpression = d.slice(start, end);
        k = end - 1;
      } else if (d.matchesAt(k, "generated") && d.find(k, "as") > 0) {
        int as = d.find(k, "as");
        identity = d.matchesAt(as + 1, "identity");
        generatedStored = d.matchesAt(as + 1, "(") && d.matchesAt(d.closing(as + 1) + 1, "stored");
        k = identity ? as + 1 : d.closing(as + 1);
      } else if (d.matchesAt(k, "unique")) {
        unique = true;
      } else if (d.matchesAt(k, "primary", "key")) {
        primaryKey = true;
      }
    }
    return Optional.of(
        new LocksColumnDefinition(
            name, type, defaultExpression, generatedStored, identity, unique, primaryKey));
  }

  /** Whether the type is one of the {@code serial} pseudo-types, which create a sequence. */
  public boolean serial() {
    return type.size() == 1
        && type.get(0).kind() == SqlTokens.Kind.WORD
        && SERIALS.contains(type.get(0).value());
  }

  /** The index of the first constraint keyword outside parentheses from {@code from} on. */
  private static int nextConstraintWord(Tokens t, int from) {
    int depth = 0;
    for (int k = from; k < t.size(); k++) {
      SqlTokens.Token token = t.get(k);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (depth == 0
          && token.kind() == SqlTokens.Kind.WORD
          && CONSTRAINT_WORDS.contains(token.value())) {
        return k;
      }
    }
    return t.size();
  }
}

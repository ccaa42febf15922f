package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A run of tokens (a statement, or one action of an {@code ALTER TABLE}) with the questions rules
 * ask of it. Words are matched in lower case, against keywords and unquoted names, and also against
 * symbols ({@code "("}); quoted names and strings never match a word.
 */
public final class Tokens {
  private final List<Token> list;

  /** What readers derived from these tokens, by reader: a dozen rules ask for the same reading. */
  private Map<Object, Object> derived;

  private Tokens(List<Token> list) {
    this.list = list;
  }

  public static Tokens of(List<Token> tokens) {
    return new Tokens(List.copyOf(tokens));
  }

  /**
   * The value {@code reading} derives from these tokens, computed once: {@code reader} names the
   * reading (its class), and the value must not change afterwards.
   */
  <T> T derived(Class<?> reader, Function<Tokens, T> reading) {
    synchronized (this) {
      if (derived == null) {
        derived = new HashMap<>(4);
      }
      @SuppressWarnings("unchecked")
      T known = (T) derived.get(reader);
      if (known == null) {
        known = reading.apply(this);
        derived.put(reader, known);
      }
      return known;
    }
  }

  public int size() {
    return list.size();
  }

  public Token get(int i) {
    return list.get(i);
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** The tokens start with {@code words}. */
  public boolean startsWith(String... words) {
    return matchesAt(0, words);
  }

  /** {@code words} follow one another somewhere. */
  public boolean has(String... words) {
    return find(0, words) >= 0;
  }

  /** Where {@code words} first follow one another at or after {@code from}, or -1. */
  public int find(int from, String... words) {
    for (int i = Math.max(0, from); i + words.length <= list.size(); i++) {
      if (matchesAt(i, words)) {
        return i;
      }
    }
    return -1;
  }

  /** {@code words} follow one another from {@code i} on. */
  public boolean matchesAt(int i, String... words) {
    if (i < 0 || i + words.length > list.size()) {
      return false;
    }
    for (int k = 0; k < words.length; k++) {
      Token t = list.get(i + k);
      boolean plain = t.kind() == Kind.WORD || t.kind() == Kind.SYMBOL;
      if (!plain || !t.value().equals(words[k])) {
        return false;
      }
    }
    return true;
  }

  /** The possibly schema-qualified name starting at {@code i}, or null when none starts there. */
  public QualifiedName nameAt(int i) {
    if (i < 0 || i >= list.size() || !list.get(i).isName()) {
      return null;
    }
    if (i + 2 < list.size() && list.get(i + 1).isSymbol(".") && list.get(i + 2).isName()) {
      return new QualifiedName(list.get(i).value(), list.get(i + 2).value());
    }
    return new QualifiedName(null, list.get(i).value());
  }

  /** The index after {@code IF EXISTS} at {@code i}, or {@code i} when it is not there. */
  public int skipIfExists(int i) {
    return matchesAt(i, "if", "exists") ? i + 2 : i;
  }

  /** The index after {@code IF NOT EXISTS} at {@code i}, or {@code i} when it is not there. */
  public int skipIfNotExists(int i) {
    return matchesAt(i, "if", "not", "exists") ? i + 3 : i;
  }

  /** The index after the name starting at {@code i}. */
  public int afterName(int i) {
    return nameAt(i) == null ? i : nameAt(i).schema() == null ? i + 1 : i + 3;
  }

  /** The tokens from {@code from} (inclusive) to {@code to} (exclusive). */
  public Tokens slice(int from, int to) {
    return new Tokens(list.subList(Math.max(0, from), Math.min(list.size(), to)));
  }

  /** The tokens from {@code from} on. */
  public Tokens from(int from) {
    return slice(from, list.size());
  }

  /** The parts between commas that are not inside parentheses. */
  public List<Tokens> splitAtTopLevelCommas() {
    List<Tokens> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.size(); i++) {
      Token t = list.get(i);
      if (t.isSymbol("(") || t.isSymbol("[")) {
        depth++;
      } else if (t.isSymbol(")") || t.isSymbol("]")) {
        depth--;
      } else if (t.isSymbol(",") && depth == 0) {
        parts.add(slice(start, i));
        start = i + 1;
      }
    }
    parts.add(from(start));
    return parts;
  }

  /** The index of the parenthesis that closes the one at {@code open}, or the last index. */
  public int closing(int open) {
    int depth = 0;
    for (int i = open; i < list.size(); i++) {
      if (list.get(i).isSymbol("(")) {
        depth++;
      } else if (list.get(i).isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    return list.size() - 1;
  }

  /** The line of the first token, or 0 when there is none. */
  public int line() {
    return list.isEmpty() ? 0 : list.get(0).line();
  }

  /**
   * The tokens as text for a message: words in lower case, single spaces, none inside parentheses,
   * before a comma, around a dot or a cast, or between a name and its parenthesis ({@code
   * gen_random_uuid()}, {@code numeric(12,2)}).
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    Token previous = null;
    for (Token t : list) {
      boolean joined =
          previous == null
              || previous.isSymbol("(")
              || previous.isSymbol(".")
              || previous.isSymbol("::")
              || t.isSymbol(")")
              || t.isSymbol(",")
              || t.isSymbol(".")
              || t.isSymbol("::")
              || t.isSymbol("(") && previous.isName();
      if (!joined) {
        text.append(' ');
      }
      text.append(
          switch (t.kind()) {
            case QUOTED -> '"' + t.value() + '"';
            case STRING -> "'" + t.value() + "'";
            default -> t.value();
          });
      previous = t;
    }
    return text.toString();
  }
}

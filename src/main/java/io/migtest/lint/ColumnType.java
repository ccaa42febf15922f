package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column's type, normalised to the name PostgreSQL's {@code format_type} gives it, so that a type
 * written in a migration ({@code int4}, {@code varchar(50)}, {@code timestamptz}, {@code serial})
 * compares with one read from the base catalog ({@code integer}, {@code character varying(50)},
 * ...).
 *
 * @param base the type without modifiers or array brackets, e.g. {@code timestamp with time zone};
 *     a user type keeps its schema when one was written, the internal one-byte type is {@code
 *     "char"}
 * @param modifier the modifier as written without spaces, e.g. {@code (10,2)}, or empty
 * @param array whether it is an array of {@code base}
 * @param serial whether it was written as {@code smallserial}, {@code serial} or {@code bigserial}
 *     (the base is then the integer type behind it)
 */
public record ColumnType(String base, String modifier, boolean array, boolean serial) {
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("int2", "smallint"),
          Map.entry("smallserial", "smallint"),
          Map.entry("serial2", "smallint"),
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("serial", "integer"),
          Map.entry("serial4", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("bigserial", "bigint"),
          Map.entry("serial8", "bigint"),
          Map.entry("bool", "boolean"),
          Map.entry("float4", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("decimal", "numeric"),
          Map.entry("varchar", "character varying"),
          Map.entry("char varying", "character varying"),
          Map.entry("char", "character"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("varbit", "bit varying"));

  /** The type written in {@code tokens}, e.g. {@code character varying ( 50 ) [ ]}. */
  public static ColumnType of(Tokens tokens) {
    List<String> words = new ArrayList<>();
    StringBuilder modifier = new StringBuilder();
    boolean array = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") && modifier.isEmpty() && !array) {
        int close = tokens.closing(i);
        modifier.append('(');
        for (int k = i + 1; k < close; k++) {
          modifier.append(tokens.get(k).value());
        }
        modifier.append(')');
        i = close;
      } else if (t.isSymbol("[") || t.isWord("array")) {
        array = true;
      } else if (t.isSymbol(".") && !words.isEmpty()) {
        words.set(words.size() - 1, words.get(words.size() - 1) + ".");
      } else if (t.kind() == Kind.QUOTED) {
        appendName(words, t.value().equals("char") ? "\"char\"" : t.value());
      } else if (t.kind() == Kind.WORD) {
        appendName(words, t.value());
      }
    }
    String written = String.join(" ", words).replace(". ", ".");
    if (written.startsWith("pg_catalog.")) {
      written = written.substring("pg_catalog.".length());
    }
    return normalised(written, modifier.toString(), array);
  }

  /** A type as {@code format_type} or a migration writes it, e.g. {@code numeric(10,2)}. */
  public static ColumnType parse(String text) {
    return of(Tokens.of(SqlTokens.of(text, 1)));
  }

  private static void appendName(List<String> words, String word) {
    if (!words.isEmpty() && words.get(words.size() - 1).endsWith(".")) {
      words.set(words.size() - 1, words.get(words.size() - 1) + word);
    } else {
      words.add(word);
    }
  }

  private static ColumnType normalised(String written, String modifier, boolean array) {
    boolean serial = written.matches("(small|big)?serial[248]?");
    if (written.equals("float")) {
      boolean single = !modifier.isEmpty() && Integer.parseInt(digits(modifier)) <= 24;
      return new ColumnType(single ? "real" : "double precision", "", array, false);
    }
    String base = SYNONYMS.getOrDefault(written, written);
    if (base.equals("character") && modifier.isEmpty()) {
      modifier = "(1)";
    }
    return new ColumnType(base, modifier, array, serial);
  }

  private static String digits(String modifier) {
    String d = modifier.replaceAll("\\D", "");
    return d.isEmpty() ? "53" : d;
  }

  /** Whether this is {@code smallint} or {@code integer}, the integer types that run out early. */
  public boolean isShortInteger() {
    return !array && (base.equals("smallint") || base.equals("integer"));
  }

  /** As {@code format_type} writes it, e.g. {@code timestamp(3) with time zone}, {@code int[]}. */
  @Override
  public String toString() {
    int space = base.indexOf(' ');
    boolean inside = space > 0 && (base.startsWith("timestamp ") || base.startsWith("time "));
    String text =
        inside ? base.substring(0, space) + modifier + base.substring(space) : base + modifier;
    return array ? text + "[]" : text;
  }
}

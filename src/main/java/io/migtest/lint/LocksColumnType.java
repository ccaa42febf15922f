package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column type reduced to what decides whether changing it rewrites the table: its name with the
 * aliases folded the way {@code format_type} prints them ({@code int4} and {@code int} become
 * {@code integer}, {@code varchar} becomes {@code character varying}), its modifiers (length,
 * precision, scale) and whether it is an array. Read the same way from a statement's tokens and
 * from the catalog's {@code format_type} text, so the two compare.
 *
 * @param schema the schema the statement or the catalog names, or null
 * @param modifiers the numbers in parentheses; {@code char} and {@code bit} get their implied 1,
 *     {@code numeric(p)} its implied scale 0
 */
public record LocksColumnType(String schema, String name, List<Integer> modifiers, boolean array) {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int2", "smallint"),
          Map.entry("int8", "bigint"),
          Map.entry("float8", "double precision"),
          Map.entry("float4", "real"),
          Map.entry("decimal", "numeric"),
          Map.entry("bool", "boolean"),
          Map.entry("varchar", "character varying"),
          Map.entry("char varying", "character varying"),
          Map.entry("char", "character"),
          Map.entry("bpchar", "character"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("varbit", "bit varying"));

  /**
   * The type written in {@code tokens}, e.g. {@code varchar(20)} or {@code timestamp(3) with time
   * zone}.
   */
  public static LocksColumnType of(Tokens tokens) {
    List<String> words = new ArrayList<>();
    List<Integer> modifiers = new ArrayList<>();
    String schema = null;
    boolean array = false;
    boolean quoted = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol(".") && !words.isEmpty()) {
        schema = String.join(" ", words);
        words.clear();
      } else if (t.isSymbol("(")) {
        int close = tokens.closing(i);
        for (int k = i + 1; k < close; k++) {
          if (tokens.get(k).kind() == Kind.NUMBER && tokens.get(k).value().matches("\\d{1,9}")) {
            modifiers.add(Integer.parseInt(tokens.get(k).value()));
          }
        }
        i = close;
      } else if (t.isSymbol("[") || t.isWord("array")) {
        array = true;
      } else if (t.isName() && !array) {
        words.add(t.value());
        quoted |= t.kind() == Kind.QUOTED;
      }
    }
    String name = String.join(" ", words);
    name = quoted ? name : ALIASES.getOrDefault(name, name);
    if ("pg_catalog".equals(schema)) {
      schema = null;
    }
    if (name.equals("float")) {
      name = !modifiers.isEmpty() && modifiers.get(0) <= 24 ? "real" : "double precision";
      modifiers.clear();
    }
    if ((name.equals("character") || name.equals("bit")) && modifiers.isEmpty()) {
      modifiers.add(1);
    }
    if (name.equals("numeric") && modifiers.size() == 1) {
      modifiers.add(0);
    }
    return new LocksColumnType(schema, name, List.copyOf(modifiers), array);
  }

  /** The type as {@code format_type} writes it, e.g. {@code character varying(100)}. */
  public static LocksColumnType parse(String formatType) {
    return of(Tokens.of(SqlTokens.of(formatType, 1)));
  }

  /** The type's name, for catalog look-ups (domains, enums). */
  public QualifiedName qualifiedName() {
    return new QualifiedName(schema, name);
  }

  /** Whether both are the same type with the same modifiers (a missing schema matches any). */
  public boolean sameAs(LocksColumnType other) {
    return qualifiedName().sameAs(other.qualifiedName())
        && modifiers.equals(other.modifiers)
        && array == other.array;
  }

  /** Whether it names the same type, whatever the modifiers. */
  public boolean sameNameAs(LocksColumnType other) {
    return qualifiedName().sameAs(other.qualifiedName()) && array == other.array;
  }

  /** The type for a message, e.g. {@code character varying(100)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (schema != null) {
      s.append(schema).append('.');
    }
    s.append(name);
    if (!modifiers.isEmpty()) {
      s.append('(');
      for (int i = 0; i < modifiers.size(); i++) {
        s.append(i == 0 ? "" : ",").append(modifiers.get(i));
      }
      s.append(')');
    }
    return s.append(array ? "[]" : "").toString();
  }
}

package io.migtest.lint.rules;

import io.migtest.lint.QualifiedName;
import io.migtest.lint.SqlTokens;
import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import io.migtest.lint.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A column type reduced to what the breaking-change rules compare: the name {@code format_type}
 * gives it, its numeric modifiers and whether it is an array. A type written in a migration ({@code
 * varchar(50)}, {@code timestamptz(3)}, {@code int8}) and one read from the base catalog ({@code
 * character varying(50)}, ...) then compare equal when PostgreSQL takes them for the same type.
 *
 * @param name the built-in type's {@code format_type} name, or the user type's name as written
 * @param modifiers length, precision and scale, empty when none are given
 * @param userType the name of a type that is not built in (an enum, a domain, ...), else null
 */
record SqlType(String name, List<Integer> modifiers, boolean array, QualifiedName userType) {
  /** What kind of values a type holds, for deciding what a change from one to another loses. */
  enum Family {
    STRING,
    INTEGER,
    NUMERIC,
    FLOAT,
    DATE_TIME,
    OTHER_BUILT_IN,
    USER
  }

  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("int2", "smallint"),
          Map.entry("int", "integer"),
          Map.entry("int4", "integer"),
          Map.entry("int8", "bigint"),
          Map.entry("float4", "real"),
          Map.entry("float8", "double precision"),
          Map.entry("decimal", "numeric"),
          Map.entry("varchar", "character varying"),
          Map.entry("char varying", "character varying"),
          Map.entry("char", "character"),
          Map.entry("bpchar", "character"),
          Map.entry("timestamp", "timestamp without time zone"),
          Map.entry("timestamptz", "timestamp with time zone"),
          Map.entry("time", "time without time zone"),
          Map.entry("timetz", "time with time zone"),
          Map.entry("bool", "boolean"),
          Map.entry("varbit", "bit varying"));

  private static final Map<String, Family> FAMILIES =
      Map.ofEntries(
          Map.entry("text", Family.STRING),
          Map.entry("character varying", Family.STRING),
          Map.entry("character", Family.STRING),
          Map.entry("citext", Family.STRING),
          Map.entry("smallint", Family.INTEGER),
          Map.entry("integer", Family.INTEGER),
          Map.entry("bigint", Family.INTEGER),
          Map.entry("numeric", Family.NUMERIC),
          Map.entry("real", Family.FLOAT),
          Map.entry("double precision", Family.FLOAT),
          Map.entry("timestamp without time zone", Family.DATE_TIME),
          Map.entry("timestamp with time zone", Family.DATE_TIME),
          Map.entry("time without time zone", Family.DATE_TIME),
          Map.entry("time with time zone", Family.DATE_TIME),
          Map.entry("interval", Family.DATE_TIME),
          Map.entry("date", Family.DATE_TIME));

  private static final Set<String> OTHER_BUILT_INS =
      Set.of(
          "boolean",
          "uuid",
          "json",
          "jsonb",
          "xml",
          "inet",
          "cidr",
          "macaddr",
          "money",
          "bit",
          "bit varying");

  /** The type written in {@code tokens}, e.g. {@code character varying ( 50 ) [ ]}. */
  static SqlType of(Tokens tokens) {
    List<String> words = new ArrayList<>();
    List<Integer> modifiers = new ArrayList<>();
    boolean array = false;
    boolean quoted = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("(") && !array) {
        int close = tokens.closing(i);
        if (modifiers.isEmpty()) {
          for (int k = i + 1; k < close; k++) {
            if (tokens.get(k).kind() == Kind.NUMBER) {
              modifiers.add(Integer.parseInt(tokens.get(k).value()));
            }
          }
        }
        i = close;
      } else if (t.isSymbol("[") || t.isWord("array")) {
        array = true;
      } else if (t.kind() == Kind.WORD && !array) {
        words.add(t.value());
      } else if (t.kind() == Kind.QUOTED && !array) {
        quoted = true;
        words.add(t.value());
      }
    }
    String written = String.join(" ", words);
    QualifiedName name = tokens.nameAt(0);
    boolean catalogSchema = name != null && "pg_catalog".equals(name.schema());
    if (catalogSchema) {
      written = name.name();
    }
    if (name != null && (quoted || name.schema() != null && !catalogSchema)) {
      return new SqlType(name.toString(), List.copyOf(modifiers), array, name);
    }
    return builtIn(written, modifiers, array, name);
  }

  /** A type as {@code format_type} or a migration writes it, e.g. {@code numeric(10,2)}. */
  static SqlType parse(String text) {
    return of(Tokens.of(SqlTokens.of(text, 1)));
  }

  private static SqlType builtIn(
      String written, List<Integer> modifiers, boolean array, QualifiedName name) {
    String base = written.startsWith("interval") ? "interval" : written;
    if (base.equals("float")) {
      boolean single = !modifiers.isEmpty() && modifiers.get(0) <= 24;
      return new SqlType(single ? "real" : "double precision", List.of(), array, null);
    }
    List<Integer> mods = modifiers;
    if ((written.equals("char") || written.equals("character")) && mods.isEmpty()) {
      mods = List.of(1);
    }
    base = SYNONYMS.getOrDefault(base, base);
    boolean known = FAMILIES.containsKey(base) || OTHER_BUILT_INS.contains(base);
    return new SqlType(base, List.copyOf(mods), array, known ? null : name);
  }

  Family family() {
    if (userType != null) {
      return Family.USER;
    }
    return FAMILIES.getOrDefault(name, Family.OTHER_BUILT_IN);
  }

  /** The same type without the array brackets, for comparing element types. */
  SqlType element() {
    return new SqlType(name, modifiers, false, userType);
  }

  /** As {@code format_type} writes it, e.g. {@code timestamp(3) with time zone}, {@code int[]}. */
  @Override
  public String toString() {
    String mods =
        modifiers.isEmpty()
            ? ""
            : modifiers.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    int space = name.indexOf(' ');
    String text =
        name.startsWith("timestamp ") || name.startsWith("time ")
            ? name.substring(0, space) + mods + name.substring(space)
            : name + mods;
    return array ? text + "[]" : text;
  }
}

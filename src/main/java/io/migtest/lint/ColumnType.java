package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import io.migtest.lint.SqlTokens.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A column's type, normalised to what PostgreSQL's {@code format_type} prints for it, so that a
 * type written in a migration ({@code int4}, {@code varchar(50)}, {@code timestamptz(3)}, {@code
 * serial}) compares with one read from the base catalog ({@code integer}, {@code character
 * varying(50)}, ...). The one reading of types for every lint rule: the type rules, the breaking
 * changes and the rewrite prediction of {@link TypeChange}.
 *
 * @param schema the schema written before the name, or null (also for {@code pg_catalog})
 * @param name the name as {@code format_type} prints it without modifiers and brackets, e.g. {@code
 *     timestamp with time zone}; a user type's name as written, the internal one-byte type as
 *     {@code "char"} (quoted), a {@code bpchar} without length as {@code bpchar}
 * @param modifiers the numbers in parentheses (length, precision, scale), with the ones PostgreSQL
 *     implies: 1 for {@code char} and {@code bit}, scale 0 for {@code numeric(p)}; empty when there
 *     are none or when a modifier is not a number
 * @param modifier the parentheses as written, without spaces, e.g. {@code (10,2)}, or empty
 * @param array whether it is an array of the type
 * @param serial whether it was written as {@code smallserial}, {@code serial}, {@code bigserial} or
 *     {@code serial2/4/8}; the name is then the integer type behind it
 */
public record ColumnType(
    String schema,
    String name,
    List<Integer> modifiers,
    String modifier,
    boolean array,
    boolean serial) {
  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,9}");

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

  private static final Set<String> SERIALS =
      Set.of("smallserial", "serial2", "serial", "serial4", "bigserial", "serial8");

  private static final int MAX_REAL_PRECISION = 24;

  /** The type written in {@code tokens}, e.g. {@code character varying ( 50 ) [ ]}. */
  public static ColumnType of(Tokens tokens) {
    List<String> words = new ArrayList<>();
    String schema = null;
    Tokens inParentheses = null;
    boolean array = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.isSymbol("[") || t.isWord("array")) {
        array = true;
      } else if (array) {
        continue;
      } else if (t.isSymbol("(")) {
        int close = tokens.closing(i);
        inParentheses = inParentheses == null ? tokens.slice(i + 1, close) : inParentheses;
        i = close;
      } else if (t.isSymbol(".") && !words.isEmpty() && schema == null) {
        schema = String.join(" ", words);
        words.clear();
      } else if (t.kind() == Kind.QUOTED) {
        words.add(t.value().equals("char") ? "\"char\"" : t.value());
      } else if (t.kind() == Kind.WORD) {
        words.add(t.value());
      }
    }
    String written = String.join(" ", words);
    return normalised("pg_catalog".equals(schema) ? null : schema, written, inParentheses, array);
  }

  /** A type as {@code format_type} or a migration writes it, e.g. {@code numeric(10,2)}. */
  public static ColumnType parse(String text) {
    return of(Tokens.of(SqlTokens.of(text, 1)));
  }

  private static ColumnType normalised(
      String schema, String written, Tokens inParentheses, boolean array) {
    String modifier = inParentheses == null ? "" : "(" + compact(inParentheses) + ")";
    List<Integer> numbers = inParentheses == null ? new ArrayList<>() : numbers(inParentheses);
    if (schema != null) {
      return new ColumnType(schema, written, List.copyOf(numbers), modifier, array, false);
    }
    if (written.equals("float")) {
      boolean single = !numbers.isEmpty() && numbers.get(0) <= MAX_REAL_PRECISION;
      return new ColumnType(
          null, single ? "real" : "double precision", List.of(), "", array, false);
    }
    String name = SYNONYMS.getOrDefault(written, written);
    if (name.equals("bpchar") && !numbers.isEmpty()) {
      name = "character";
    }
    if ((name.equals("character") || name.equals("bit")) && numbers.isEmpty()) {
      numbers.add(1);
    }
    if (name.equals("numeric") && numbers.size() == 1) {
      numbers.add(0);
    }
    return new ColumnType(
        null, name, List.copyOf(numbers), modifier, array, SERIALS.contains(written));
  }

  /** The numbers of a modifier such as {@code 10, 2}, or none when one part is not a number. */
  private static List<Integer> numbers(Tokens inParentheses) {
    List<Integer> numbers = new ArrayList<>();
    for (Tokens part : inParentheses.splitAtTopLevelCommas()) {
      String text = compact(part);
      if (!NUMBER.matcher(text).matches()) {
        return new ArrayList<>();
      }
      numbers.add(Integer.parseInt(text));
    }
    return numbers;
  }

  private static String compact(Tokens tokens) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens.size(); i++) {
      text.append(tokens.get(i).value());
    }
    return text.toString();
  }

  /** The type's name with its schema, for catalog look-ups (domains, enums). */
  public QualifiedName qualifiedName() {
    return new QualifiedName(schema, name);
  }

  /**
   * Whether both are the same type with the same modifiers, as PostgreSQL sees them ({@code
   * numeric(10)} is {@code numeric(10,0)}); a missing schema matches any.
   */
  public boolean sameAs(ColumnType other) {
    return qualifiedName().sameAs(other.qualifiedName())
        && typmod().equals(other.typmod())
        && array == other.array;
  }

  /** The same type without the array brackets, for comparing element types. */
  public ColumnType element() {
    return new ColumnType(schema, name, modifiers, modifier, false, serial);
  }

  /** Whether this is {@code smallint} or {@code integer}, the integer types that run out early. */
  public boolean isShortInteger() {
    return !array && (name.equals("smallint") || name.equals("integer"));
  }

  /** As {@code format_type} writes it, e.g. {@code timestamp(3) with time zone}, {@code int[]}. */
  @Override
  public String toString() {
    String typmod = typmod();
    int space = name.indexOf(' ');
    boolean inside = space > 0 && (name.startsWith("timestamp ") || name.startsWith("time "));
    String text =
        inside ? name.substring(0, space) + typmod + name.substring(space) : name + typmod;
    return (schema == null ? "" : schema + ".") + text + (array ? "[]" : "");
  }

  /** The modifiers as {@code format_type} writes them: the numbers, else as written. */
  private String typmod() {
    return modifiers.isEmpty()
        ? modifier
        : modifiers.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
  }
}

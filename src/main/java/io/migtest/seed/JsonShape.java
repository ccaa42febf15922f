package io.migtest.seed;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys a table's generated columns read out of a JSON column ({@code namespace text GENERATED
 * ALWAYS AS (value ->> 'namespace') STORED}, {@code value #>> '{source, id}'}), so that the
 * generated documents carry them with values of the generated column's type: a document without
 * them would leave a {@code NOT NULL} generated column empty and the row refused.
 */
final class JsonShape {
  /** A column followed by one or more {@code -> 'key'} or {@code ->> 'key'} steps. */
  private static final Pattern CHAIN =
      Pattern.compile("(\\w+|\"(?:[^\"]|\"\")+\")((?:\\s*->>?\\s*'(?:[^']|'')*')+)");

  private static final Pattern STEP = Pattern.compile("->>?\\s*'((?:[^']|'')*)'");
  private static final Pattern PATH =
      Pattern.compile("(\\w+|\"(?:[^\"]|\"\")+\")\\s*#>>?\\s*'\\{([^}]*)\\}'");

  /** Key, then either a nested shape or the SQL of a value. */
  private final Map<String, Object> keys = new TreeMap<>();

  /**
   * Adds what the generation {@code expression} of a column of type {@code type} (its base type
   * name and modifier; {@code enumName} when it is an enum) reads from JSON columns, by their
   * unquoted names.
   */
  static void read(
      Map<String, JsonShape> shapes, String expression, String type, int typmod, String enumName) {
    // As pg_get_expr prints it: ((value -> 'a'::text) ->> 'b'::text); casts and parentheses go.
    String plain = expression.replace("::text[]", "").replace("::text", "").replaceAll("[()]", " ");
    Matcher chain = CHAIN.matcher(plain);
    while (chain.find()) {
      List<String> keys = new ArrayList<>();
      Matcher step = STEP.matcher(chain.group(2));
      while (step.find()) {
        keys.add(step.group(1).replace("''", "'"));
      }
      shapes
          .computeIfAbsent(unquoted(chain.group(1)), c -> new JsonShape())
          .add(keys, type, typmod, enumName);
    }
    Matcher path = PATH.matcher(plain);
    while (path.find()) {
      List<String> keys = new ArrayList<>();
      for (String part : path.group(2).split(",")) {
        keys.add(part.strip().replaceAll("^\"|\"$", ""));
      }
      shapes
          .computeIfAbsent(unquoted(path.group(1)), c -> new JsonShape())
          .add(keys, type, typmod, enumName);
    }
  }

  @SuppressWarnings("unchecked")
  private void add(List<String> path, String type, int typmod, String enumName) {
    JsonShape node = this;
    for (int i = 0; i < path.size() - 1; i++) {
      Object child = node.keys.computeIfAbsent(path.get(i), k -> new JsonShape());
      if (!(child instanceof JsonShape nested)) {
        return;
      }
      node = nested;
    }
    String value =
        enumName != null
            ? ColumnValues.enumValue(enumName)
            : ColumnValues.forType(type, typmod, path.hashCode() & 0xff);
    node.keys.putIfAbsent(
        path.get(path.size() - 1),
        value == null ? "'v' || g" : "(" + value + ")::" + (enumName != null ? enumName : type));
  }

  /** The SQL that builds a document from row number {@code g}. */
  String expression() {
    StringBuilder sql = new StringBuilder("jsonb_build_object('n', g");
    keys.forEach(
        (key, value) ->
            sql.append(", '")
                .append(key.replace("'", "''"))
                .append("', ")
                .append(value instanceof JsonShape nested ? nested.expression() : value));
    return sql.append(')').toString();
  }

  private static String unquoted(String name) {
    return name.startsWith("\"")
        ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
        : name;
  }
}

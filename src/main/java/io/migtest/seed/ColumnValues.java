package io.migtest.seed;

import java.util.Locale;
import java.util.Optional;

/**
 * SQL expressions that make a value of a column's type from the row number {@code g} (1, 2, ...):
 * distinct for distinct rows where the type allows it, so unique keys hold, and within the type's
 * limits (precision, length), so the insert does not fail on them. Null when migtest has no
 * generator for the type.
 */
final class ColumnValues {
  /** The longest shaped text, {@code 'https://example.com/'} and a large row number. */
  private static final int SHAPED_LENGTH = 32;

  /** The longest tagged text, {@code 'v'}, a large row number, a dash and four hex digits. */
  private static final int TAGGED_LENGTH = 14;

  private ColumnValues() {}

  /**
   * @param column what the catalog says about the column
   * @param salt a small number that differs between the columns of a table, so two uuid columns do
   *     not hold the same values
   */
  static String expression(SeedColumn column, int salt, String table) {
    String base =
        column.document() != null
            ? column.document()
            : column.choices() != null
                ? "("
                    + column.choices()
                    + ")[1 + (g - 1) % array_length("
                    + column.choices()
                    + ", 1)]"
                : column.enumType()
                    ? enumValue(column.enumName())
                    : textShapedByName(column)
                        .or(() -> textOfTheColumn(column, table))
                        .orElseGet(() -> forType(column.baseType(), column.typmod(), salt));
    if (base == null) {
      return null;
    }
    if (column.array()) {
      base = "ARRAY[" + base + "]";
    }
    return "(" + base + ")::" + column.formattedType();
  }

  /**
   * Text whose column name says what it holds: an e-mail address, a URL or a phone number, which
   * checks and the application's code often expect in that shape. Only where the type's length
   * leaves room for it.
   */
  static Optional<String> textShapedByName(SeedColumn column) {
    String type = column.baseType().toLowerCase(Locale.ROOT);
    boolean text = type.equals("text") || type.equals("varchar") || type.equals("citext");
    if (!text || (column.typmod() >= 0 && column.typmod() - 4 < SHAPED_LENGTH)) {
      return Optional.empty();
    }
    String name = column.name().toLowerCase(Locale.ROOT);
    if (name.contains("email") || name.contains("e_mail")) {
      return Optional.of("'user' || g || '@example.com'");
    }
    if (name.contains("url") || name.contains("website")) {
      return Optional.of("'https://example.com/' || g");
    }
    if (name.contains("phone")) {
      return Optional.of("'+1555' || lpad(g::text, 7, '0')");
    }
    return Optional.empty();
  }

  /**
   * Text that differs between columns: {@code 'v1-3fa2'}, the row number and a tag of the table and
   * column, so that a migration that merges the values of two tables (into a unique column) does
   * not meet duplicates production would not have. Plain {@code 'v1'} where the length is short.
   */
  static Optional<String> textOfTheColumn(SeedColumn column, String table) {
    String type = column.baseType().toLowerCase(Locale.ROOT);
    boolean text = type.equals("text") || type.equals("varchar") || type.equals("citext");
    if (!text || (column.typmod() >= 0 && column.typmod() - 4 < TAGGED_LENGTH)) {
      return Optional.empty();
    }
    String tag = String.format("%04x", (table + "." + column.name()).hashCode() & 0xffff);
    return Optional.of("'v' || g || '-" + tag + "'");
  }

  static String enumValue(String enumType) {
    String range = "enum_range(NULL::" + enumType + ")";
    return "(" + range + ")[1 + (g - 1) % array_length(" + range + ", 1)]";
  }

  static String forType(String type, int typmod, int salt) {
    return switch (type.toLowerCase(Locale.ROOT)) {
      case "int2" -> "g % 32767";
      case "int4", "int8", "oid" -> "g";
      case "numeric" -> numeric(typmod);
      case "float4", "float8" -> "g * 1.5";
      case "money" -> "g::numeric";
      case "bool" -> "g % 2 = 0";
      case "text", "varchar", "bpchar", "name", "citext" -> "'v' || g";
      case "char" -> "'a'";
      case "uuid" -> "md5(g::text || '/" + salt + "')::uuid";
      case "date" -> "date '2020-01-01' + (g % 3650)::int";
      case "timestamp", "timestamptz" -> "timestamp '2020-01-01' + g * interval '1 second'";
      case "time", "timetz" -> "time '00:00' + (g % 86400) * interval '1 second'";
      case "interval" -> "g * interval '1 second'";
      case "json", "jsonb" -> "json_build_object('n', g)";
      case "bytea" -> "decode(md5(g::text), 'hex')";
      case "inet", "cidr" ->
          "('10.' || (g / 65536) % 256 || '.' || (g / 256) % 256 || '.' || g % 256)";
      case "xml" -> "('<v>' || g || '</v>')";
      case "tsvector" -> "to_tsvector('simple', 'v' || g)";
      case "point" -> "point(g, g)";
      default -> null;
    };
  }

  /** {@code g} modulo what fits before the decimal point of {@code numeric(p, s)}. */
  private static String numeric(int typmod) {
    if (typmod < 4) {
      return "g";
    }
    int precision = ((typmod - 4) >> 16) & 0xffff;
    int scale = (typmod - 4) & 0xffff;
    int digits = precision - scale;
    if (digits <= 0) {
      return "0";
    }
    return digits >= 18 ? "g" : "g % " + (long) Math.pow(10, digits);
  }
}

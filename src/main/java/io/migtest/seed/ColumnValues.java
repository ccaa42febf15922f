package io.migtest.seed;

import java.util.Locale;

/**
 * SQL expressions that make a value of a column's type from the row number {@code g} (1, 2, ...):
 * distinct for distinct rows where the type allows it, so unique keys hold, and within the type's
 * limits (precision, length), so the insert does not fail on them. Null when migtest has no
 * generator for the type.
 */
final class ColumnValues {
  private ColumnValues() {}

  /**
   * @param column what the catalog says about the column
   * @param salt a small number that differs between the columns of a table, so two uuid columns do
   *     not hold the same values
   */
  static String expression(SeedColumn column, int salt) {
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
                    : forType(column.baseType(), column.typmod(), salt);
    if (base == null) {
      return null;
    }
    if (column.array()) {
      base = "ARRAY[" + base + "]";
    }
    return "(" + base + ")::" + column.formattedType();
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

package io.migtest.seed;

/**
 * A column as seeding needs it.
 *
 * @param formattedType the type as {@code format_type} prints it ({@code character varying(20)})
 * @param baseType the type values are made for: a domain's base type, an array's element type
 * @param typmod the base type's modifier (precision and scale of a numeric), -1 for none
 * @param enumName the enum type's qualified name when the base type is an enum, else null
 * @param array whether the column holds an array of the base type
 * @param filledByServer whether the server fills it (identity, generated, or a default)
 * @param choices an SQL array of the only values a CHECK allows ({@code col IN ('a', 'b')}), or
 *     null
 * @param document for a JSON column that generated columns read keys from, the SQL that builds a
 *     document with those keys ({@link JsonShape}), else null
 */
record SeedColumn(
    String name,
    int number,
    String formattedType,
    String baseType,
    int typmod,
    String enumName,
    boolean array,
    boolean notNull,
    boolean filledByServer,
    String choices,
    String document) {

  boolean enumType() {
    return enumName != null;
  }
}

package io.migtest.lint;

import java.util.Locale;

/**
 * A name as a statement writes it: {@code orders} or {@code shop.orders}, folded as PostgreSQL
 * folds it (unquoted names in lower case).
 *
 * @param schema the schema, or null when the statement leaves it to the search path
 */
public record QualifiedName(String schema, String name) {
  /** {@code name} given as text, {@code schema.name} or {@code name}, unquoted and folded. */
  public static QualifiedName parse(String text) {
    int dot = text.indexOf('.');
    return dot < 0
        ? new QualifiedName(null, text.toLowerCase(Locale.ROOT))
        : new QualifiedName(
            text.substring(0, dot).toLowerCase(Locale.ROOT),
            text.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether both name the same object: the same name, and the same schema when both give one (an
   * unqualified name may mean any schema on the search path).
   */
  public boolean sameAs(QualifiedName other) {
    return name.equals(other.name)
        && (schema == null || other.schema == null || schema.equals(other.schema));
  }

  @Override
  public String toString() {
    return schema == null ? name : schema + "." + name;
  }
}

package io.migtest.lint;

/**
 * A name as a statement writes it: {@code orders} or {@code shop.orders}, folded as PostgreSQL
 * folds it (unquoted names in lower case).
 *
 * @param schema the schema, or null when the statement leaves it to the search path
 */
public record QualifiedName(String schema, String name) {
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

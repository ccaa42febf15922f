package io.migtest.schema;

/**
 * One difference between two schemas, in words ({@code column public.orders.note: NOT NULL added}).
 *
 * @param object the object's kind and name ({@code column public.orders.note})
 * @param positionOnly whether only a column's position differs (a re-added column goes last), which
 *     most comparisons report at a lower severity
 */
public record SchemaChange(String object, String description, boolean positionOnly) {
  @Override
  public String toString() {
    return description;
  }
}

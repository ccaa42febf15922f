package io.migtest.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One difference between two schemas, in words ({@code column public.orders.note: NOT NULL added}).
 *
 * @param object the object's kind and name ({@code column public.orders.note})
 * @param positionOnly whether only a column's position differs (a re-added column goes last), which
 *     most comparisons report at a lower severity
 */
public record SchemaChange(String object, String description, boolean positionOnly) {
  /** Changes listed in one finding; the rest are counted. */
  private static final int SHOWN = 20;

  @Override
  public String toString() {
    return description;
  }

  /** The changes' descriptions joined by semicolons: the first {@value #SHOWN}, then a count. */
  public static String listed(List<SchemaChange> changes) {
    String listed =
        changes.stream()
            .limit(SHOWN)
            .map(SchemaChange::description)
            .collect(Collectors.joining("; "));
    return changes.size() > SHOWN ? listed + "; and " + (changes.size() - SHOWN) + " more" : listed;
  }
}

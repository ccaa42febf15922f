package io.migtest.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;

/** The differences from one schema snapshot ({@code before}) to another ({@code after}). */
public final class SchemaDiff {
  private SchemaDiff() {}

  public static List<SchemaChange> between(SchemaSnapshot before, SchemaSnapshot after) {
    List<SchemaChange> changes = new ArrayList<>();
    TreeSet<String> keys = new TreeSet<>(before.objects().keySet());
    keys.addAll(after.objects().keySet());
    for (String key : keys) {
      SortedMap<String, String> was = before.objects().get(key);
      SortedMap<String, String> now = after.objects().get(key);
      if (now == null) {
        changes.add(new SchemaChange(key, label(key) + " missing", false));
      } else if (was == null) {
        changes.add(new SchemaChange(key, label(key) + " added", false));
      } else if (!was.equals(now)) {
        changes.addAll(changed(key, was, now));
      }
    }
    return changes;
  }

  private static List<SchemaChange> changed(
      String key, Map<String, String> was, Map<String, String> now) {
    List<SchemaChange> changes = new ArrayList<>();
    TreeSet<String> properties = new TreeSet<>(was.keySet());
    properties.addAll(now.keySet());
    for (String property : properties) {
      String a = was.get(property);
      String b = now.get(property);
      if (a == null ? b == null : a.equals(b)) {
        continue;
      }
      changes.add(
          new SchemaChange(
              key, label(key) + ": " + describe(property, a, b), property.equals("position")));
    }
    return changes;
  }

  private static String describe(String property, String was, String now) {
    if (property.equals("not null")) {
      return "t".equals(now) ? "NOT NULL added" : "NOT NULL dropped";
    }
    if (property.equals("validated")) {
      return "t".equals(now) ? "now validated" : "now NOT VALID";
    }
    if (was == null) {
      return property + " " + now + " added";
    }
    if (now == null) {
      return property + " " + was + " removed";
    }
    return property + " was " + shorten(was) + ", now " + shorten(now);
  }

  /** {@code column public.orders.note} as {@code column `public.orders.note`}. */
  private static String label(String key) {
    int space = key.indexOf(' ');
    return key.substring(0, space) + " `" + key.substring(space + 1) + "`";
  }

  private static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 197) + "...";
  }
}

package io.migtest.mutation.operators;

import java.util.List;
import java.util.Locale;

/**
 * Positions in a column definition's spec tokens ({@code NOT}, {@code NULL}, {@code DEFAULT},
 * {@code 'x'}, {@code CHECK}, {@code (expr)}, {@code REFERENCES t(id) ON DELETE CASCADE}).
 */
final class ColumnSpecs {
  private ColumnSpecs() {}

  /** Where the words start, one after the other, case-insensitively; -1 when absent. */
  static int find(List<String> specs, String... words) {
    for (int i = 0; i + words.length <= specs.size(); i++) {
      boolean match = true;
      for (int w = 0; w < words.length && match; w++) {
        match = specs.get(i + w).equalsIgnoreCase(words[w]);
      }
      if (match) {
        return i;
      }
    }
    return -1;
  }

  /** Where a token starting with {@code word} is; -1 when none. */
  static int startingWith(List<String> specs, String word) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).toUpperCase(Locale.ROOT).startsWith(word)) {
        return i;
      }
    }
    return -1;
  }

  /** Removes {@code count} tokens from {@code at}. */
  static void remove(List<String> specs, int at, int count) {
    for (int i = 0; i < count; i++) {
      specs.remove(at);
    }
  }
}

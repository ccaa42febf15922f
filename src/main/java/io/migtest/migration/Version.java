package io.migtest.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration version that orders numerically part by part: {@code 2 < 10}, {@code 1.2 < 1.10},
 * {@code 1 == 1.0}; or, for a tool that compares versions as text (diesel), by its text key.
 *
 * @param textKey the text the tool compares, or null to compare the numeric parts
 */
public record Version(String text, List<BigInteger> parts, String textKey)
    implements Comparable<Version> {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Parses the digits of {@code text}; separators between them ({@code . _ -}) split parts. */
  public static Version parse(String text) {
    List<BigInteger> parts = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      parts.add(new BigInteger(m.group()));
    }
    return new Version(text, List.copyOf(parts), null);
  }

  /**
   * A version the tool compares as text: {@code key} is what it compares (diesel: the folder name
   * before the first {@code _}, dashes removed).
   */
  public static Version textual(String text, String key) {
    List<BigInteger> parts = key.matches("\\d{1,18}") ? List.of(new BigInteger(key)) : List.of();
    return new Version(text, parts, key);
  }

  /** A version for layouts whose order is the order of a plan or of files (1, 2, 3 ...). */
  public static Version ordinal(int position, String text) {
    return new Version(text, List.of(BigInteger.valueOf(position)), null);
  }

  @Override
  public int compareTo(Version other) {
    if (textKey != null && other.textKey != null) {
      return textKey.compareTo(other.textKey);
    }
    int n = Math.max(parts.size(), other.parts.size());
    for (int i = 0; i < n; i++) {
      BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
      BigInteger b = i < other.parts.size() ? other.parts.get(i) : BigInteger.ZERO;
      int c = a.compareTo(b);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  /** True when this is one small integer, so that a missing number between two is a real gap. */
  public boolean isSequenceNumber() {
    return parts.size() == 1 && parts.get(0).compareTo(BigInteger.valueOf(100_000)) < 0;
  }

  @Override
  public String toString() {
    return text;
  }
}

package io.migtest.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration version that orders numerically part by part: {@code 2 < 10}, {@code 1.2 < 1.10},
 * {@code 1 == 1.0}. Timestamps ({@code 20240101120000}, {@code 2024-01-01-120000}) are numbers too.
 */
public record Version(String text, List<BigInteger> parts) implements Comparable<Version> {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** Parses the digits of {@code text}; separators between them ({@code . _ -}) split parts. */
  public static Version parse(String text) {
    List<BigInteger> parts = new ArrayList<>();
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      parts.add(new BigInteger(m.group()));
    }
    return new Version(text, List.copyOf(parts));
  }

  /** A version for layouts whose order is the order of a plan or of files (1, 2, 3 ...). */
  public static Version ordinal(int position, String text) {
    return new Version(text, List.of(BigInteger.valueOf(position)));
  }

  @Override
  public int compareTo(Version other) {
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

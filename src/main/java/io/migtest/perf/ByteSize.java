package io.migtest.perf;

import java.util.Locale;

/** Byte counts as people read them: {@code 512 B}, {@code 8.0 kB}, {@code 1.3 MB}. */
public final class ByteSize {
  private ByteSize() {}

  public static String text(long bytes) {
    if (Math.abs(bytes) < 1024) {
      return bytes + " B";
    }
    if (Math.abs(bytes) < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }
}

package io.migtest;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in config: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}; at
 * most about 24 days, the largest timeout PostgreSQL takes.
 */
public final class DurationText {
  private static final Pattern FORMAT = Pattern.compile("^(\\d+)\\s*(ms|s|m|h)$");

  private DurationText() {}

  public static Optional<Duration> parse(String text) {
    Matcher m = FORMAT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      return Optional.empty();
    }
    if (m.group(1).length() > 9) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    Duration duration =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
    // PostgreSQL's timeout settings are integer milliseconds.
    return duration.toMillis() > Integer.MAX_VALUE ? Optional.empty() : Optional.of(duration);
  }

  /**
   * A duration in the largest unit that shows it exactly: {@code 100ms}, {@code 30s}, {@code 5m}.
   */
  public static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0 && millis > 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}

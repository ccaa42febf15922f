package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.math.BigInteger;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Small pieces the layouts share: reading a script, file names, the next version number. */
final class LayoutSupport {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private LayoutSupport() {}

  /** Reads a whole file as a script. */
  static SqlScript read(SourceFolder folder, String relativePath, TransactionMode mode) {
    return SourceText.toScript(
        folder.displayPath(relativePath), SourceText.read(folder, relativePath), mode);
  }

  /** The last segment of a relative path. */
  static String fileName(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? relativePath : relativePath.substring(slash + 1);
  }

  /**
   * A name turned into a file-name-safe slug of at most {@link NewMigrationFile#MAX_SLUG_LENGTH}
   * characters: {@code "Add users"} becomes {@code add_users}.
   */
  static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    String slug = ascii.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    slug = slug.replaceAll("^_+|_+$", "");
    int max = NewMigrationFile.MAX_SLUG_LENGTH;
    if (slug.length() <= max) {
      return slug;
    }
    // Cut at a word boundary, unless that would drop most of what fits.
    int wordEnd = slug.lastIndexOf('_', max);
    return slug.substring(0, wordEnd > max / 2 ? wordEnd : max);
  }

  /**
   * The version after the existing ones: the next integer (same zero padding) when versions are
   * sequence numbers, else a UTC timestamp.
   */
  static String nextVersion(List<Migration> existing, Instant now) {
    List<Migration> versioned = existing.stream().filter(m -> !m.repeatable()).toList();
    if (!versioned.isEmpty() && versioned.stream().allMatch(m -> m.version().isSequenceNumber())) {
      Migration last = versioned.get(versioned.size() - 1);
      BigInteger next = last.version().parts().get(0).add(BigInteger.ONE);
      int width = last.version().text().length();
      return String.format(Locale.ROOT, "%0" + width + "d", next);
    }
    return timestampAfter(versioned, now, TIMESTAMP);
  }

  /**
   * {@code now} in {@code format}, or a second after the latest existing version in that format
   * when that is not earlier: two migrations made within a second would share a version.
   */
  static String timestampAfter(List<Migration> existing, Instant now, DateTimeFormatter format) {
    // In whole seconds, as the versions are: 14:29:08.5 is not after a version of 14:29:08.
    Instant at = now.truncatedTo(ChronoUnit.SECONDS);
    for (Migration m : existing) {
      try {
        Instant taken = format.parse(m.version().text(), Instant::from);
        if (!taken.isBefore(at)) {
          at = taken.plusSeconds(1);
        }
      } catch (DateTimeException e) {
        // Not a timestamp of this format: it cannot collide with one.
      }
    }
    return format.format(at);
  }

  /** A finding for a file the layout's tool would ignore or reject. */
  static Finding unrecognised(SourceFolder folder, String relativePath, String expected) {
    return Finding.warning(
        RuleId.UNRECOGNISED_FILE,
        folder.displayPath(relativePath),
        0,
        "File name does not match " + expected + "; it is not run. Rename it or move it away.");
  }
}

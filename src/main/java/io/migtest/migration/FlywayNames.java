package io.migtest.migration;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Flyway's SQL migration names, {@code <prefix><version><separator><description><suffix>}, with the
 * prefixes, separator and suffixes configured, parsed as {@code ResourceNameParser} does: the
 * suffix is matched ignoring case, the longest matching prefix wins, the version is what comes
 * before the first separator and must be numbers joined by {@code .} or {@code _}.
 */
record FlywayNames(
    String versionedPrefix, String repeatablePrefix, String separator, List<String> suffixes) {
  /** Flyway's default names: {@code V1__x.sql}, {@code R__x.sql}. */
  static final FlywayNames DEFAULTS = new FlywayNames("V", "R", "__", List.of(".sql"));

  /** The undo prefix of Flyway Teams; open-source Flyway has no setting for it. */
  private static final String UNDO_PREFIX = "U";

  private static final Pattern VERSION = Pattern.compile("\\d+(?:[._]\\d+)*");

  /** What kind of migration a name is. */
  enum Kind {
    VERSIONED,
    UNDO,
    REPEATABLE
  }

  /** A valid migration name: its kind, version text (empty for repeatable) and description. */
  record Name(Kind kind, String version, String description) {}

  /** True when {@code fileName} ends with one of the SQL suffixes: Flyway looks at it. */
  boolean isScript(String fileName) {
    return suffix(fileName).isPresent();
  }

  /** The migration {@code fileName} names, or empty when Flyway would not run it. */
  Optional<Name> parse(String fileName) {
    Optional<String> suffix = suffix(fileName);
    if (suffix.isEmpty()) {
      return Optional.empty();
    }
    String stem = fileName.substring(0, fileName.length() - suffix.get().length());
    List<String> prefixes =
        List.of(versionedPrefix, UNDO_PREFIX, repeatablePrefix).stream()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    for (String prefix : prefixes) {
      if (!prefix.isEmpty() && stem.startsWith(prefix)) {
        return parse(kind(prefix), stem.substring(prefix.length()));
      }
    }
    return Optional.empty();
  }

  private Kind kind(String prefix) {
    if (prefix.equals(repeatablePrefix)) {
      return Kind.REPEATABLE;
    }
    return prefix.equals(versionedPrefix) ? Kind.VERSIONED : Kind.UNDO;
  }

  private Optional<Name> parse(Kind kind, String rest) {
    int at = rest.indexOf(separator);
    String version = at < 0 ? rest : rest.substring(0, at);
    String description = at < 0 ? "" : rest.substring(at + separator.length());
    boolean valid =
        kind == Kind.REPEATABLE ? version.isEmpty() : VERSION.matcher(version).matches();
    return valid ? Optional.of(new Name(kind, version, description)) : Optional.empty();
  }

  private Optional<String> suffix(String fileName) {
    String upper = fileName.toUpperCase(Locale.ROOT);
    return suffixes.stream()
        .filter(s -> !s.isEmpty() && upper.endsWith(s.toUpperCase(Locale.ROOT)))
        .findFirst()
        .map(s -> fileName.substring(fileName.length() - s.length()));
  }

  /** The shape of a versioned name, for messages. */
  String expected() {
    return versionedPrefix + "<version>" + separator + "<description>" + suffixes.get(0);
  }
}

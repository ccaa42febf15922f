package io.migtest.migration;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code search_path} parameter of dbmate's database URL. lib/pq sends it to the server as a
 * session setting, and dbmate keeps its {@code schema_migrations} in the first schema it names,
 * creating that schema when it is missing ({@code pkg/driver/postgres/postgres.go} {@code
 * migrationsTableNameParts}, {@code CreateMigrationsTable}).
 *
 * @param value the setting as given, e.g. {@code app, public}
 */
record DbmateSearchPath(String value) {
  /** The URL parameter's name, as dbmate reads it. */
  static final String PARAMETER = "search_path";

  /**
   * A list PostgreSQL accepts for {@code search_path} ({@code SplitIdentifierString}): names, plain
   * or in double quotes, separated by commas; empty is an empty path.
   */
  private static final Pattern LIST =
      Pattern.compile(
          "\\s*(?:(?:\"(?:[^\"]|\"\")+\"|[^\\s,\"][^\\s,]*)\\s*"
              + "(?:,\\s*(?:\"(?:[^\"]|\"\")+\"|[^\\s,\"][^\\s,]*)\\s*)*)?");

  /**
   * The first {@code search_path} parameter of {@code url}'s query, decoded as Go's {@code
   * url.Values.Get} decodes it ({@code +} is a space); empty when there is none.
   */
  static Optional<DbmateSearchPath> fromUrl(String url) {
    int start = url.indexOf('?');
    if (start < 0) {
      return Optional.empty();
    }
    int end = url.indexOf('#', start);
    String query = url.substring(start + 1, end < 0 ? url.length() : end);
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      try {
        if (decode(key).equals(PARAMETER)) {
          return Optional.of(
              new DbmateSearchPath(equals < 0 ? "" : decode(pair.substring(equals + 1))));
        }
      } catch (IllegalArgumentException e) {
        // Go's query parser skips a pair it cannot decode; so does this.
      }
    }
    return Optional.empty();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  /** True when PostgreSQL accepts the value as a {@code search_path}. */
  boolean isValid() {
    return LIST.matcher(value).matches();
  }

  /**
   * The schema of dbmate's table: the text before the first comma, trimmed, used as one identifier
   * as dbmate quotes it; null when that is empty (dbmate then asks for {@code current_schema()}).
   */
  String firstSchema() {
    String first = value.split(",", -1)[0].strip();
    return first.isEmpty() ? null : first;
  }

  /** Sets the value for the session, as lib/pq's startup parameter does. */
  String sessionSql() {
    return "SELECT set_config('search_path', '" + value.replace("'", "''") + "', false)";
  }
}

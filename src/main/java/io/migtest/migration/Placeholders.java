package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Flyway's placeholder replacement ({@code PlaceholderReplacingReader}): every {@code ${name}} in
 * a script, comments and strings included, becomes its value, names compared ignoring case. A
 * placeholder without a value fails the script as it fails Flyway, at its line.
 *
 * @param enabled {@code placeholderReplacement} (default true)
 * @param prefix {@code placeholderPrefix} (default {@code ${})
 * @param suffix {@code placeholderSuffix} (default {@code })
 * @param builtIn the names of Flyway's own placeholders start with this: {@code flyway} and the
 *     {@code placeholderSeparator} (default {@code :})
 * @param values the configured and built-in values, keyed by lower-case name
 */
public record Placeholders(
    boolean enabled, String prefix, String suffix, String builtIn, Map<String, String> values) {

  /** Flyway's built-in placeholder for the script's file name, set per script. */
  private static final String FILENAME = "filename";

  public Placeholders {
    Map<String, String> lower = new HashMap<>();
    values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
    values = Map.copyOf(lower);
  }

  /**
   * {@code script} with its placeholders replaced. A versioned migration keeps the checksum of the
   * text as written and a repeatable one takes that of the replaced text, as Flyway checksums them
   * ({@code SqlMigrationResolver.getChecksumForLoadableResource}).
   */
  public SqlScript apply(SqlScript script, String fileName, boolean repeatable) {
    if (!enabled || prefix.isEmpty() || !script.text().contains(prefix)) {
      return script;
    }
    String text = script.text();
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int at;
    while ((at = text.indexOf(prefix, from)) >= 0) {
      int end = text.indexOf(suffix, at + prefix.length());
      String name = text.substring(at + prefix.length(), end < 0 ? text.length() : end);
      String value =
          name.equalsIgnoreCase(builtIn + FILENAME)
              ? fileName
              : values.get(name.toLowerCase(Locale.ROOT));
      if (value == null || end < 0) {
        return script.withProblem(missing(script, name, lineAt(script, at)));
      }
      out.append(text, from, at).append(value);
      from = end + suffix.length();
    }
    out.append(text, from, text.length());
    return script.withText(out.toString(), !repeatable);
  }

  private Finding missing(SqlScript script, String name, int line) {
    String written = prefix + name + suffix;
    String flyways =
        name.toLowerCase(Locale.ROOT).startsWith(builtIn.toLowerCase(Locale.ROOT))
            ? "Failed to populate value for default placeholder: " + written
            : "No value provided for placeholder: " + written + ".  Check your configuration!";
    return Finding.error(
        RuleId.UNKNOWN_PLACEHOLDER,
        script.file(),
        line,
        "Flyway fails here: \""
            + flyways
            + "\". Give it a value under placeholders in flyway.conf or flyway.toml (or"
            + " flyway.placeholders in migtest.yml, for one your deploy passes in), or turn"
            + " placeholderReplacement off.");
  }

  private static int lineAt(SqlScript script, int offset) {
    int line = script.firstLine();
    String text = script.text();
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

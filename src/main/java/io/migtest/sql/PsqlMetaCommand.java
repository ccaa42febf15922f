package io.migtest.sql;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.Locale;
import java.util.Set;

/** What migtest does with a psql backslash command it meets in a script: skip it or refuse it. */
final class PsqlMetaCommand {
  /** Commands that only change psql's own output or error handling: skipping them is harmless. */
  private static final Set<String> HARMLESS =
      Set.of("echo", "qecho", "warn", "timing", "pset", "conninfo", "x");

  /** Settings of psql itself that {@code \set} may change without affecting the SQL. */
  private static final Set<String> HARMLESS_VARIABLES =
      Set.of("VERBOSITY", "SHOW_CONTEXT", "ECHO", "QUIET");

  /** Values of {@code ON_ERROR_STOP} that match what migtest does: stop at the first error. */
  private static final Set<String> STOP_ON_ERROR = Set.of("on", "1", "true");

  private PsqlMetaCommand() {}

  static Finding finding(String file, int line, String command) {
    String name = name(command);
    if (changesErrorHandling(command, name)) {
      return Finding.warning(
          RuleId.PSQL_META_COMMAND,
          file,
          line,
          "psql command `"
              + command
              + "` changes how psql handles errors or encodings; migtest skips it and stops at"
              + " the first error, so the script may behave differently under psql.");
    }
    if (isHarmless(command, name)) {
      return Finding.info(
          RuleId.PSQL_META_COMMAND,
          file,
          line,
          "psql command `" + command + "` only affects psql's output; migtest skips it.");
    }
    return Finding.error(
        RuleId.PSQL_META_COMMAND,
        file,
        line,
        "psql command `"
            + command
            + "` cannot be honoured: migtest sends SQL to the server itself, without psql. "
            + "Replace it with plain SQL (inline an included file, use SQL instead of variables).");
  }

  /** True for {@code \g} and its variants, which end the current statement. */
  static boolean executesBuffer(String command) {
    return name(command).startsWith("g");
  }

  private static boolean changesErrorHandling(String command, String name) {
    String[] parts = command.split("\\s+");
    if (name.equals("encoding")) {
      return true;
    }
    if (!name.equals("set") || parts.length < 2) {
      return false;
    }
    String variable = parts[1].toUpperCase(Locale.ROOT);
    String value = parts.length > 2 ? parts[2].toLowerCase(Locale.ROOT) : "";
    return variable.equals("ON_ERROR_ROLLBACK")
        || (variable.equals("ON_ERROR_STOP") && !STOP_ON_ERROR.contains(value));
  }

  private static boolean isHarmless(String command, String name) {
    if (HARMLESS.contains(name)) {
      return true;
    }
    String[] parts = command.split("\\s+");
    return name.equals("set")
        && parts.length >= 2
        && (HARMLESS_VARIABLES.contains(parts[1].toUpperCase(Locale.ROOT))
            || parts[1].equalsIgnoreCase("ON_ERROR_STOP"));
  }

  private static String name(String command) {
    String[] parts = command.substring(1).split("\\s+", 2);
    return parts[0].toLowerCase(Locale.ROOT);
  }
}

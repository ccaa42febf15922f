package io.migtest.sql;

import io.migtest.finding.Finding;
import java.util.Locale;
import java.util.Set;

/** What migtest does with a psql backslash command it meets in a script: skip it or refuse it. */
final class PsqlMetaCommand {
  /** Commands that only change psql's own output or error handling: skipping them is harmless. */
  private static final Set<String> HARMLESS =
      Set.of("echo", "qecho", "warn", "timing", "pset", "conninfo", "encoding", "x");

  /** Settings of psql itself that {@code \set} may change without affecting the SQL. */
  private static final Set<String> HARMLESS_VARIABLES =
      Set.of("ON_ERROR_STOP", "ON_ERROR_ROLLBACK", "VERBOSITY", "SHOW_CONTEXT", "ECHO", "QUIET");

  private PsqlMetaCommand() {}

  static Finding finding(String file, int line, String command) {
    String name = name(command);
    if (isHarmless(command, name)) {
      return Finding.info(
          "psql-meta-command",
          file,
          line,
          "psql command `" + command + "` only affects psql's output; migtest skips it.");
    }
    return Finding.error(
        "psql-meta-command",
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

  private static boolean isHarmless(String command, String name) {
    if (HARMLESS.contains(name)) {
      return true;
    }
    String[] parts = command.split("\\s+");
    return name.equals("set")
        && parts.length >= 2
        && HARMLESS_VARIABLES.contains(parts[1].toUpperCase(Locale.ROOT));
  }

  private static String name(String command) {
    String[] parts = command.substring(1).split("\\s+", 2);
    return parts[0].toLowerCase(Locale.ROOT);
  }
}

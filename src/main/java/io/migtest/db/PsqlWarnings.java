package io.migtest.db;

import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what psql wrote to standard error besides a failure ({@code VERBOSITY=verbose}): the
 * server's messages, {@code psql:<file>:<line>: WARNING: <SQLSTATE>: <message>} followed by {@code
 * DETAIL}, {@code HINT} and, last, {@code LOCATION} lines (psql shows no {@code CONTEXT} for them,
 * as {@code SHOW_CONTEXT} is {@code errors}); and any other line, which the script wrote itself
 * ({@code \warn}, a {@code \!} command's errors). Warnings and those lines become notes; notices
 * are left out, as on the JDBC path.
 */
final class PsqlWarnings {
  private static final Pattern MESSAGE =
      Pattern.compile("^psql:(.+):(\\d+): ([A-Z]+): +(?:([0-9A-Z]{5}): )?(.*)$");

  /** Lines of the script's own output kept in its note. */
  private static final int KEPT_LINES = 10;

  private PsqlWarnings() {}

  /**
   * @param errors psql's standard error, the password removed
   * @param shown turns a file name as psql reports it into a project-relative path
   */
  static void read(
      SqlScript script, String errors, UnaryOperator<String> shown, ServerWarnings warnings) {
    List<String> lines = errors.lines().toList();
    List<String> own = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      Matcher message = MESSAGE.matcher(lines.get(i));
      if (!message.matches()) {
        // psql's own messages ("psql:<file>:<line>: error: ...") are about a failure, reported
        // as such.
        if (!lines.get(i).isBlank()
            && !lines.get(i).startsWith("psql:")
            && own.size() < KEPT_LINES) {
          own.add(lines.get(i));
        }
        i++;
        continue;
      }
      String detail = null;
      String hint = null;
      StringBuilder text = new StringBuilder(message.group(5));
      i++;
      while (i < lines.size() && !lines.get(i).startsWith("psql:")) {
        String line = lines.get(i++);
        if (line.startsWith("LOCATION:  ")) {
          break;
        } else if (line.startsWith("DETAIL:  ")) {
          detail = line.substring("DETAIL:  ".length());
        } else if (line.startsWith("HINT:  ")) {
          hint = line.substring("HINT:  ".length());
        } else if (detail == null && hint == null) {
          text.append(' ').append(line);
        }
      }
      if (message.group(3).equals(ServerWarnings.WARNING)) {
        String file = shown.apply(message.group(1));
        int reported = Integer.parseInt(message.group(2));
        int line = file.equals(script.file()) ? statementLine(script, reported) : reported;
        warnings.server(file, line, text.toString(), detail, hint, message.group(4));
      }
    }
    if (!own.isEmpty()) {
      warnings.standardError(script.file(), 0, own);
    }
  }

  /** The first line of the statement psql had sent when it printed at {@code line}. */
  private static int statementLine(SqlScript script, int line) {
    Statement statement = PsqlFailures.statementEndingAt(script, line);
    return statement == null ? line : statement.startLine();
  }
}

package io.migtest.db;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.sql.PsqlFeature;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The finding of a psql run that failed, read from psql's messages ({@code VERBOSITY=verbose}):
 * {@code psql:<file>:<line>: ERROR: <SQLSTATE>: <message>}, then {@code DETAIL}, {@code HINT},
 * {@code CONTEXT} and {@code LINE <n>:} lines. psql's line is where the statement ended (its
 * semicolon); the finding names the line the server located the error on, as for JDBC failures.
 */
final class PsqlFailures {
  private static final Pattern ERROR =
      Pattern.compile(
          "^psql:(.+):(\\d+): (ERROR|FATAL|PANIC|error|fatal): +(?:([0-9A-Z]{5}): )?(.*)$");
  private static final Pattern STATEMENT_LINE = Pattern.compile("^LINE (\\d+): .*");
  private static final int OUTPUT_LINES = 10;

  private PsqlFailures() {}

  /**
   * @param output psql's output, the password removed
   * @param shown turns a file name as psql reports it into a project-relative path
   */
  static Finding of(SqlScript script, int exitCode, String output, UnaryOperator<String> shown) {
    List<String> lines = output.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher error = ERROR.matcher(lines.get(i));
      if (error.matches()) {
        return finding(script, error, lines.subList(i + 1, lines.size()), shown);
      }
    }
    List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size());
    return new Finding(
        RuleId.MIGRATION_FAILED,
        Severity.ERROR,
        script.file(),
        0,
        "psql exited with " + exitCode + ". Last output:\n" + String.join("\n", tail),
        null);
  }

  private static Finding finding(
      SqlScript script, Matcher error, List<String> following, UnaryOperator<String> shown) {
    String file = shown.apply(error.group(1));
    int reported = Integer.parseInt(error.group(2));
    int lineInStatement = 0;
    StringBuilder message = new StringBuilder(error.group(5));
    String where = null;
    for (String line : following) {
      if (line.startsWith("psql:")) {
        break;
      }
      Matcher statementLine = STATEMENT_LINE.matcher(line);
      if (statementLine.matches() && lineInStatement == 0) {
        lineInStatement = Integer.parseInt(statementLine.group(1));
      } else if (line.startsWith("DETAIL:  ")) {
        message.append(" (detail: ").append(line.substring(9)).append(')');
      } else if (line.startsWith("HINT:  ")) {
        message.append(" (hint: ").append(line.substring(7)).append(')');
      } else if (line.startsWith("CONTEXT:  ") && where == null) {
        where = line.substring(10);
      }
    }
    if (where != null && lineInStatement == 0) {
      message.append(" (where: ").append(where).append(')');
    }
    String what;
    int line;
    if (!file.equals(script.file())) {
      line = reported;
      what =
          "Line " + reported + " of " + file + ", which " + script.file() + " includes, failed: ";
    } else if (isCommand(script, reported)) {
      line = reported;
      what = "psql command at line " + reported + " failed: ";
    } else {
      Statement statement = statementEndingAt(script, reported);
      int start = statement == null ? reported : statement.startLine();
      line = lineInStatement > 0 ? start + lineInStatement - 1 : start;
      what = ScriptFailures.statementFailed(start, line);
    }
    return new Finding(
        RuleId.MIGRATION_FAILED, Severity.ERROR, file, line, what + message, error.group(4));
  }

  /** True when a psql meta-command sits on {@code line}: psql reports its failure there. */
  private static boolean isCommand(SqlScript script, int line) {
    return script.split().psqlFeatures().stream()
        .anyMatch(f -> f.line() == line && isMetaCommand(f));
  }

  private static boolean isMetaCommand(PsqlFeature feature) {
    return feature.text().startsWith("\\");
  }

  /** The statement psql sent at {@code line}: the last one starting at or before it. */
  static Statement statementEndingAt(SqlScript script, int line) {
    Statement found = null;
    for (Statement statement : script.split().statements()) {
      if (statement.startLine() > line) {
        break;
      }
      found = statement;
    }
    return found;
  }
}

package io.migtest.finding;

/**
 * One problem found in the migrations, pointing at {@code file:line}.
 *
 * @param rule stable kebab-case id of what was checked
 * @param file path relative to the project root with {@code /} separators, or null
 * @param line 1-based line, or 0 when the finding is about a whole file
 * @param endLine the last line of what it points at (a statement's last line), at least {@code
 *     line}
 * @param sqlstate the server's SQLSTATE when the database reported the problem, else null
 */
public record Finding(
    String rule,
    Severity severity,
    String file,
    int line,
    int endLine,
    String message,
    String sqlstate) {

  public Finding {
    endLine = Math.max(line, endLine);
  }

  /** A finding about one line (or a whole file). */
  public Finding(
      String rule, Severity severity, String file, int line, String message, String sqlstate) {
    this(rule, severity, file, line, line, message, sqlstate);
  }

  public static Finding error(String rule, String file, int line, String message) {
    return new Finding(rule, Severity.ERROR, file, line, message, null);
  }

  public static Finding warning(String rule, String file, int line, String message) {
    return new Finding(rule, Severity.WARNING, file, line, message, null);
  }

  public static Finding info(String rule, String file, int line, String message) {
    return new Finding(rule, Severity.INFO, file, line, message, null);
  }

  /**
   * The same place and SQLSTATE, reported as {@code rule} with {@code message}: a failure a gate
   * explains in its own terms.
   */
  public Finding restated(String rule, Severity severity, String message) {
    return new Finding(rule, severity, file, line, endLine, message, sqlstate);
  }

  /** {@code file:line}, or just the file when the line is unknown. */
  public String location() {
    if (file == null) {
      return "";
    }
    return line > 0 ? file + ":" + line : file;
  }
}

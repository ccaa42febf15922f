package io.migtest.sql;

/**
 * One SQL statement of a script, without its terminating semicolon.
 *
 * @param sql the statement text as written (comments inside it kept)
 * @param startLine 1-based line in the file where the statement starts
 * @param endLine 1-based line in the file where it ends
 * @param copyData the rows that follow a {@code COPY ... FROM STDIN} statement in the script (up to
 *     the {@code \.} line), or null for any other statement
 */
public record Statement(String sql, int startLine, int endLine, String copyData) {

  public Statement(String sql, int startLine, int endLine) {
    this(sql, startLine, endLine, null);
  }

  /** The file line of a 1-based character position inside {@link #sql()}, as servers report it. */
  public int lineOfPosition(int position) {
    int line = startLine;
    int end = Math.min(Math.max(position - 1, 0), sql.length());
    for (int i = 0; i < end; i++) {
      if (sql.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}

package io.migtest.mutation;

import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * A script with one statement replaced by its mutant. The rest of the text stays as written (its
 * comments, directives and psql commands included), and the replacement keeps the statement's line
 * count, so later statements keep their lines in error messages.
 */
public final class MutatedScript {
  private MutatedScript() {}

  public static SqlScript of(SqlScript script, int statement, String mutatedSql) {
    return of(script, Map.of(statement, mutatedSql));
  }

  /**
   * The script with each statement of {@code replacements} (by index) replaced; an empty text
   * deletes the statement (a statement that does nothing takes its place).
   */
  public static SqlScript of(SqlScript script, Map<Integer, String> replacements) {
    List<Statement> statements = script.split().statements();
    String text = script.text();
    StringBuilder out = new StringBuilder();
    int from = 0;
    for (int i = 0; i < statements.size(); i++) {
      String original = statements.get(i).sql();
      int start = text.indexOf(original, from);
      if (start < 0) {
        throw new IllegalStateException("statement " + i + " not found in " + script.file());
      }
      out.append(text, from, start);
      String replacement = replacements.get(i);
      if (replacement == null) {
        out.append(original);
      } else {
        String sql = replacement.isEmpty() ? "SELECT 1 WHERE false" : replacement;
        long lines = original.chars().filter(c -> c == '\n').count();
        long kept = sql.chars().filter(c -> c == '\n').count();
        out.append(sql).append("\n".repeat((int) Math.max(0, lines - kept)));
      }
      from = start + original.length();
    }
    out.append(text.substring(from));
    return script.withText(out.toString(), false);
  }
}

package io.migtest.mutation;

import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.util.List;

/**
 * A script with one statement replaced by its mutant. The rest of the text stays as written (its
 * comments, directives and psql commands included), and the replacement keeps the statement's line
 * count, so later statements keep their lines in error messages.
 */
public final class MutatedScript {
  private MutatedScript() {}

  public static SqlScript of(SqlScript script, int statement, String mutatedSql) {
    List<Statement> statements = script.split().statements();
    String text = script.text();
    int from = 0;
    for (int i = 0; i < statement; i++) {
      from = text.indexOf(statements.get(i).sql(), from) + statements.get(i).sql().length();
    }
    String original = statements.get(statement).sql();
    int start = text.indexOf(original, from);
    if (start < 0) {
      throw new IllegalStateException("statement " + statement + " not found in " + script.file());
    }
    String replacement = mutatedSql.isEmpty() ? "SELECT 1 WHERE false" : mutatedSql;
    long lines = original.chars().filter(c -> c == '\n').count();
    long kept = replacement.chars().filter(c -> c == '\n').count();
    String padded = replacement + "\n".repeat((int) Math.max(0, lines - kept));
    return script.withText(
        text.substring(0, start) + padded + text.substring(start + original.length()), false);
  }
}

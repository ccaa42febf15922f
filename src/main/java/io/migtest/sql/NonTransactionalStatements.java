package io.migtest.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises PostgreSQL statements that cannot run inside a transaction block (SQLSTATE 25001), the
 * ones Flyway detects to run a migration outside a transaction.
 */
public final class NonTransactionalStatements {
  /** Flyway's list for PostgreSQL 12 and later (PostgreSQLParser), matched on the first words. */
  private static final Pattern NON_TRANSACTIONAL =
      Pattern.compile(
          "^((CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)"
              + "|ALTER SYSTEM"
              + "|(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY"
              + "|REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)"
              + "|VACUUM"
              + "|DISCARD ALL)\\b");

  /** The longest prefix above, {@code CREATE UNIQUE INDEX CONCURRENTLY}, has four words. */
  private static final int LEADING_WORDS = 4;

  private static final Pattern TRANSACTION_CONTROL =
      Pattern.compile(
          "^(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|PREPARE\\s+TRANSACTION)\\b"
              + "(?!\\s+ATOMIC)",
          Pattern.CASE_INSENSITIVE);

  private NonTransactionalStatements() {}

  /** True when {@code statement} must run outside a transaction block. */
  public static boolean matches(Statement statement) {
    String head =
        statement.sql().length() > 2_000 ? statement.sql().substring(0, 2_000) : statement.sql();
    return NON_TRANSACTIONAL.matcher(leadingWords(withoutComments(head))).find();
  }

  /** The first words of {@code text}, upper case, one space apart: all the patterns look at. */
  private static String leadingWords(String text) {
    StringBuilder words = new StringBuilder(64);
    int count = 0;
    int i = 0;
    while (count < LEADING_WORDS && i < text.length()) {
      while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.append(count++ == 0 ? "" : " ").append(text, start, i);
      }
    }
    return words.toString().toUpperCase(Locale.ROOT);
  }

  private static final Pattern CONCURRENT_INDEX =
      Pattern.compile(
          "^((CREATE|DROP)( UNIQUE)? INDEX|REINDEX( \\(.*?\\))?( VERBOSE)? (INDEX|TABLE))"
              + " CONCURRENTLY\\b");

  private static final Pattern CONCURRENTLY =
      Pattern.compile("\\bCONCURRENTLY\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The statement as it can run inside a transaction block with the same outcome for the schema and
   * the rows: an index built, dropped or rebuilt {@code CONCURRENTLY} without that word (under a
   * stronger lock). Empty for statements without such a form (VACUUM, CREATE DATABASE, ...); the
   * statement itself for the ones that need none.
   */
  public static Optional<String> inTransactionForm(Statement statement) {
    String normalized =
        withoutComments(statement.sql()).strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    if (CONCURRENT_INDEX.matcher(normalized).find()) {
      return Optional.of(CONCURRENTLY.matcher(statement.sql()).replaceFirst(""));
    }
    return matches(statement) ? Optional.empty() : Optional.of(statement.sql());
  }

  /** The text with line comments and (nested) block comments replaced by spaces. */
  static String withoutComments(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    int depth = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
      if (c == '/' && next == '*') {
        depth++;
        i++;
      } else if (depth > 0 && c == '*' && next == '/') {
        depth--;
        i++;
        out.append(' ');
      } else if (depth == 0 && c == '-' && next == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
        out.append(' ');
      } else if (depth == 0) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The statements of {@code statements} that must run outside a transaction block. */
  public static List<Statement> in(List<Statement> statements) {
    return statements.stream().filter(NonTransactionalStatements::matches).toList();
  }

  /** True for {@code BEGIN}, {@code COMMIT} and the like, which take over transaction control. */
  public static boolean isTransactionControl(Statement statement) {
    return TRANSACTION_CONTROL.matcher(statement.sql().strip()).find();
  }
}

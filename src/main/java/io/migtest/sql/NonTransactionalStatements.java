package io.migtest.sql;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises PostgreSQL statements that cannot run inside a transaction block (SQLSTATE 25001), the
 * ones Flyway detects to run a migration outside a transaction.
 */
public final class NonTransactionalStatements {
  private static final Pattern NON_TRANSACTIONAL =
      Pattern.compile(
          "^(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY"
              + "|DROP\\s+INDEX\\s+CONCURRENTLY"
              + "|REINDEX\\b.*\\bCONCURRENTLY"
              + "|REINDEX\\s+(\\(.*\\)\\s*)?(SCHEMA|DATABASE|SYSTEM)\\b"
              + "|VACUUM\\b"
              + "|ALTER\\s+SYSTEM\\b"
              + "|(CREATE|DROP)\\s+DATABASE\\b"
              + "|(CREATE|DROP)\\s+TABLESPACE\\b"
              + "|(CREATE|DROP)\\s+SUBSCRIPTION\\b"
              + "|DISCARD\\s+ALL\\b"
              + "|CLUSTER\\s*$"
              + "|ALTER\\s+DATABASE\\s+\\S+\\s+SET\\s+TABLESPACE\\b)",
          Pattern.DOTALL);

  private static final Pattern TRANSACTION_CONTROL =
      Pattern.compile(
          "^(BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT)\\b(?!\\s+ATOMIC)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);

  private NonTransactionalStatements() {}

  /** True when {@code statement} must run outside a transaction block. */
  public static boolean matches(Statement statement) {
    String head =
        statement.sql().length() > 2_000 ? statement.sql().substring(0, 2_000) : statement.sql();
    String normalized =
        COMMENTS
            .matcher(head)
            .replaceAll(" ")
            .strip()
            .replaceAll("\\s+", " ")
            .toUpperCase(Locale.ROOT);
    return NON_TRANSACTIONAL.matcher(normalized).find();
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

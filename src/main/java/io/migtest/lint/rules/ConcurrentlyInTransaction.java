package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import io.migtest.sql.TransactionMode;

/**
 * A statement that PostgreSQL refuses inside a transaction block ({@code CREATE/DROP INDEX
 * CONCURRENTLY}, {@code REINDEX CONCURRENTLY}, {@code DETACH PARTITION CONCURRENTLY}, {@code
 * VACUUM}, {@code CREATE DATABASE}, {@code ALTER SYSTEM}) in a transaction: an explicit {@code
 * BEGIN}, or a file the layout's tool runs as one transaction.
 */
public final class ConcurrentlyInTransaction implements Rule {
  @Override
  public String id() {
    return "concurrently-in-transaction";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "CONCURRENTLY, VACUUM and other statements that cannot run inside a transaction";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    if (!context.inTransaction() || !refusedInTransaction(statement.tokens())) {
      return;
    }
    report.at(
        statement,
        "PostgreSQL refuses this inside a transaction block (SQLSTATE 25001), and "
            + (context.inExplicitTransaction()
                ? "an explicit BEGIN is open here."
                : context.script().mode() == TransactionMode.MULTI_STATEMENT_QUERY
                    ? "the migration tool sends this file as one multi-statement query, which"
                        + " PostgreSQL runs as one implicit transaction."
                    : "the migration tool runs this file as one transaction.")
            + " Put it in a migration of its own that runs outside a transaction (see the"
            + " layout's notes in docs/layouts.md for how the tool marks one).");
  }

  static boolean refusedInTransaction(Tokens t) {
    return (t.startsWith("create") || t.startsWith("drop", "index") || t.startsWith("reindex"))
            && t.has("concurrently")
            && (t.has("index") || t.startsWith("reindex"))
        || t.startsWith("alter", "table") && t.has("detach", "partition") && t.has("concurrently")
        || t.startsWith("vacuum")
        || t.startsWith("create", "database")
        || t.startsWith("drop", "database")
        || t.startsWith("alter", "system");
  }
}

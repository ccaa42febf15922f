package io.migtest.lint.rules;

import io.migtest.finding.Severity;
import io.migtest.lint.LintContext;
import io.migtest.lint.LintStatement;
import io.migtest.lint.Rule;
import io.migtest.lint.RuleReport;
import io.migtest.lint.Tokens;
import io.migtest.sql.TransactionMode;
import java.util.List;
import java.util.Locale;

/**
 * Transaction control that does not match the file's transaction: a {@code BEGIN} in a file the
 * tool already runs as one transaction (its {@code COMMIT} then ends the tool's transaction early)
 * or inside another {@code BEGIN}; a {@code COMMIT}, {@code END} or {@code ROLLBACK} with no {@code
 * BEGIN} open; a {@code BEGIN} still open at the end of the file.
 */
public final class UnbalancedTransaction implements Rule {
  @Override
  public String id() {
    return "unbalanced-transaction";
  }

  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return "BEGIN inside the tool's transaction, COMMIT without BEGIN, or BEGIN never committed";
  }

  @Override
  public void check(LintStatement statement, LintContext context, RuleReport report) {
    Tokens t = statement.tokens();
    boolean toolWraps = context.script().mode() == TransactionMode.SINGLE_TRANSACTION;
    if (begins(t)) {
      if (context.inExplicitTransaction() || toolWraps) {
        report.at(
            statement,
            (context.inExplicitTransaction()
                    ? "A transaction is already open here (BEGIN above),"
                    : "The migration tool already runs this file as one transaction,")
                + " so PostgreSQL ignores this BEGIN with a warning, and the next COMMIT ends the"
                + " outer transaction: what follows runs outside it, and a failure there leaves"
                + " the migration half applied. Remove this BEGIN and its COMMIT.");
      }
    } else if (ends(t) && !context.inExplicitTransaction()) {
      report.at(
          statement,
          toolWraps
              ? "This "
                  + t.get(0).value().toUpperCase(Locale.ROOT)
                  + " ends the transaction the migration tool opened for this file: the"
                  + " statements after it run outside a transaction, and a failure there leaves"
                  + " the migration half applied. Remove it and let the tool commit."
              : "No transaction is open here (there is no BEGIN before it): PostgreSQL only warns"
                  + " and does nothing. Remove it, or add the BEGIN it is meant to close.");
    }
    List<LintStatement> all = context.script().statements();
    boolean last = statement.index() == all.size() - 1;
    boolean open = begins(t) || context.inExplicitTransaction() && !ends(t);
    if (last && open && !toolWraps) {
      LintStatement begin = statement;
      boolean inside = false;
      for (LintStatement s : all) {
        if (begins(s.tokens()) && !inside) {
          begin = s;
          inside = true;
        } else if (ends(s.tokens())) {
          inside = false;
        }
      }
      report.at(
          begin,
          "This BEGIN is never committed: the file ends with the transaction open, so the"
              + " migration's changes are rolled back when the connection closes (or stay"
              + " uncommitted and locked while it stays open). End the transaction with COMMIT.");
    }
  }

  private static boolean begins(Tokens t) {
    return t.startsWith("begin") || t.startsWith("start", "transaction");
  }

  private static boolean ends(Tokens t) {
    return (t.startsWith("commit")
            || t.startsWith("end")
            || t.startsWith("rollback")
            || t.startsWith("abort"))
        && !t.has("to")
        && !t.has("prepared");
  }
}

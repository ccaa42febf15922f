package io.migtest.db;

import io.migtest.DurationText;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The findings of a script the server rejected: which statement failed and on which line (from the
 * server's error position, or from how many statements completed), with the server's message,
 * detail, hint and SQLSTATE.
 */
final class ScriptFailures {
  private ScriptFailures() {}

  /**
   * The finding for a failed multi-statement query: the statement holding the server's error
   * position when there is one (a syntax error stops the query before anything runs), else the one
   * after those the server completed.
   *
   * @param script the script the steps run for (the migration, when callbacks run around it)
   */
  static Finding locate(
      SqlScript script,
      List<Step> steps,
      int[] offsets,
      Epilogue epilogue,
      int epilogueOffset,
      MultiStatementQuery.Result result) {
    SQLException e = result.error();
    int position = position(e);
    if (position > 0 && epilogue != null && position > epilogueOffset) {
      return epilogue.failure().apply(e);
    }
    if (position > 0) {
      int i = steps.size() - 1;
      while (i > 0 && offsets[i] >= position) {
        i--;
      }
      Step step = steps.get(i);
      return failure(step.script(), step.statement(), e, position - offsets[i]);
    }
    int failed = result.completed();
    if (failed < steps.size()) {
      return failure(steps.get(failed).script(), steps.get(failed).statement(), e, 0);
    }
    if (epilogue != null && failed == steps.size()) {
      return epilogue.failure().apply(e);
    }
    return somewhere(script, steps.get(0).statement(), e);
  }

  /**
   * The script failed and neither the error position nor the statements completed before it say
   * which statement failed; running it again to find out could repeat outside effects.
   */
  static Finding somewhere(SqlScript script, Statement first, SQLException e) {
    Finding failure = failure(script, first, e, 0);
    return new Finding(
        failure.rule(),
        failure.severity(),
        failure.file(),
        0,
        "Somewhere in this migration a statement failed: "
            + failure
                .message()
                .substring(failure.message().indexOf("failed: ") + "failed: ".length()),
        failure.sqlstate());
  }

  static int position(SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    return server == null ? 0 : server.getPosition();
  }

  /**
   * A finding for a statement the server rejected; {@code position} is the 1-based character in the
   * statement where the server located the error, or 0.
   */
  static Finding failure(SqlScript script, Statement statement, SQLException e, int position) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    int line = position > 0 ? statement.lineOfPosition(position) : statement.startLine();
    StringBuilder message = new StringBuilder();
    if (server != null) {
      message.append(server.getMessage());
      if (server.getDetail() != null) {
        message.append(" (detail: ").append(server.getDetail()).append(')');
      }
      if (server.getHint() != null) {
        message.append(" (hint: ").append(server.getHint()).append(')');
      }
      if (server.getWhere() != null && position == 0) {
        message
            .append(" (where: ")
            .append(server.getWhere().lines().findFirst().orElse(""))
            .append(')');
      }
    } else {
      message.append(e.getMessage());
    }
    return new Finding(
        RuleId.MIGRATION_FAILED,
        Severity.ERROR,
        script.file(),
        line,
        statementFailed(statement.startLine(), line) + message,
        e.getSQLState());
  }

  /**
   * How a failure message begins: the statement's first line, and the line the server pointed at
   * when that is another one (the finding's location), so both numbers agree.
   */
  static String statementFailed(int startLine, int errorLine) {
    return "Statement at line "
        + startLine
        + (errorLine == startLine ? " failed: " : " failed at line " + errorLine + ": ");
  }

  /**
   * The script opened a transaction and never ended it, so psql rolls it back when the file ends:
   * the finding points at the last transaction-control statement.
   */
  static Finding openTransaction(SqlScript script, List<Statement> statements) {
    Statement begin =
        statements.stream()
            .filter(NonTransactionalStatements::isTransactionControl)
            .reduce((first, second) -> second)
            .orElse(statements.get(0));
    return Finding.error(
        RuleId.OPEN_TRANSACTION,
        script.file(),
        begin.startLine(),
        "The script opens a transaction and never ends it: psql rolls it back when the file"
            + " ends, so nothing done inside it is kept. End it with COMMIT.");
  }

  /** The first line of an error's message, for one-line reports. */
  static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? String.valueOf(e.getSQLState()) : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  /** A statement ran past the statement timeout, so the server did not stop it: migtest did. */
  static Finding outlived(
      SqlScript script, Statement statement, Duration statementTimeout, Duration budget) {
    return new Finding(
        RuleId.STATEMENT_TIMEOUT_EXCEEDED,
        Severity.ERROR,
        script.file(),
        statement.startLine(),
        "The statement at line "
            + statement.startLine()
            + " ran past the statement timeout ("
            + DurationText.format(statementTimeout)
            + ") and the server did not stop it, so the migration changed or outlived the limit"
            + " (e.g. SET statement_timeout = 0); migtest cancelled it after "
            + DurationText.format(budget)
            + ". If it really needs longer, raise --statement-timeout.",
        "57014");
  }
}

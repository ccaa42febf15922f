package io.migtest.db;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.migration.Script;
import io.migtest.migration.TransactionMode;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs a script statement by statement, wrapped in transactions the way its layout's tool does, and
 * turns a failure into a finding with file, line, SQLSTATE, message, detail and hint.
 */
public final class ScriptRunner {
  private final Timeouts timeouts;

  public ScriptRunner(Timeouts timeouts) {
    this.timeouts = timeouts;
  }

  /** Sets the session's time limits; call once per new connection. */
  public void prepare(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("SET statement_timeout = " + timeouts.statementTimeout().toMillis());
      s.execute("SET lock_timeout = " + timeouts.lockTimeout().toMillis());
    }
  }

  /**
   * Runs {@code script}; empty when every statement succeeded, else the finding of the first
   * failure (a problem of the script itself, such as an unterminated quote, counts as one).
   *
   * <p>A script that runs as one transaction is sent as one multi-statement query: one round trip
   * instead of one per statement, with the same all-or-nothing effect. When it fails, the
   * statements are replayed one by one in a transaction that is rolled back, to find the one that
   * failed and its line.
   */
  public Optional<Finding> run(Connection connection, Script script) throws SQLException {
    Optional<Finding> problem =
        script.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
    if (problem.isPresent()) {
      return problem;
    }
    List<Statement> statements = script.split().statements();
    if (statements.isEmpty()) {
      return Optional.empty();
    }
    if (!inTransaction(script.transactionMode(), statements)) {
      return oneByOne(connection, script, statements, false);
    }
    connection.setAutoCommit(false);
    try (var s = connection.createStatement()) {
      s.execute(joined(statements));
      connection.commit();
      return Optional.empty();
    } catch (SQLException e) {
      connection.rollback();
      Optional<Finding> located = oneByOne(connection, script, statements, true);
      return Optional.of(located.orElseGet(() -> failure(script, statements.get(0), e)));
    } finally {
      connection.setAutoCommit(true);
    }
  }

  /** Runs statements one at a time; in a transaction that is rolled back when {@code replay}. */
  private static Optional<Finding> oneByOne(
      Connection connection, Script script, List<Statement> statements, boolean replay)
      throws SQLException {
    connection.setAutoCommit(!replay);
    try {
      for (Statement statement : statements) {
        Optional<Finding> failure = execute(connection, script, statement);
        if (failure.isPresent()) {
          return failure;
        }
      }
      return Optional.empty();
    } finally {
      if (replay) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    }
  }

  private static String joined(List<Statement> statements) {
    StringBuilder sql = new StringBuilder();
    for (Statement statement : statements) {
      sql.append(statement.sql()).append("\n;\n");
    }
    return sql.toString();
  }

  /**
   * golang-migrate style multi-statement queries run as one implicit transaction in PostgreSQL,
   * unless there is only one statement or the script controls transactions itself.
   */
  static boolean inTransaction(TransactionMode mode, List<Statement> statements) {
    return switch (mode) {
      case SINGLE_TRANSACTION -> true;
      case AUTOCOMMIT -> false;
      case MULTI_STATEMENT_QUERY ->
          statements.size() > 1
              && statements.stream().noneMatch(NonTransactionalStatements::isTransactionControl);
    };
  }

  private static Optional<Finding> execute(
      Connection connection, Script script, Statement statement) {
    try (var s = connection.createStatement()) {
      s.execute(statement.sql());
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(failure(script, statement, e));
    }
  }

  /** A finding for a statement the server rejected. */
  public static Finding failure(Script script, Statement statement, SQLException e) {
    ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    int line = statement.startLine();
    StringBuilder message = new StringBuilder();
    if (server != null) {
      if (server.getPosition() > 0) {
        line = statement.lineOfPosition(server.getPosition());
      }
      message.append(server.getMessage());
      if (server.getDetail() != null) {
        message.append(" (detail: ").append(server.getDetail()).append(')');
      }
      if (server.getHint() != null) {
        message.append(" (hint: ").append(server.getHint()).append(')');
      }
      if (server.getWhere() != null && server.getPosition() == 0) {
        message
            .append(" (where: ")
            .append(server.getWhere().lines().findFirst().orElse(""))
            .append(')');
      }
    } else {
      message.append(e.getMessage());
    }
    return new Finding(
        "migration-failed",
        Severity.ERROR,
        script.file(),
        line,
        "Statement at line " + statement.startLine() + " failed: " + message,
        e.getSQLState());
  }
}

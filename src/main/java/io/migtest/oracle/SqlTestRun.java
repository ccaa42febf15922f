package io.migtest.oracle;

import io.migtest.Plural;
import io.migtest.db.ScriptRunner;
import io.migtest.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps of one test file on a connection inside a transaction the caller rolls back. A
 * statement expected to fail runs behind a savepoint, so the file goes on after it; a statement
 * that fails unexpectedly ends the file (its transaction is aborted).
 */
final class SqlTestRun {
  private static final String SAVEPOINT = "migtest_expect_error";

  private final SqlTestFile file;
  private final Connection connection;
  private final ScriptRunner runner;
  private final List<TestFailure> failures = new ArrayList<>();
  private final List<TapOutput.Line> tap = new ArrayList<>();
  private final boolean firstFailure;

  /**
   * @param firstFailure whether to stop at the first failure (the file has failed, which is all a
   *     mutant's judging asks) instead of going on to report every one
   */
  SqlTestRun(SqlTestFile file, Connection connection, ScriptRunner runner, boolean firstFailure) {
    this.file = file;
    this.connection = connection;
    this.runner = runner;
    this.firstFailure = firstFailure;
  }

  /** The failures of the file, in order (only the first one if asked so); empty when it passed. */
  List<TestFailure> run() throws SQLException {
    if (file.pgTap() && !createPgTap()) {
      return failures;
    }
    for (SqlTestFile.Step step : file.steps()) {
      if (!run(step) || firstFailure && !failures.isEmpty()) {
        return failures;
      }
    }
    if (file.pgTap()) {
      failures.addAll(TapOutput.failures(file.file(), tap));
    }
    return failures;
  }

  /** Runs one step; false when the file cannot go on. */
  private boolean run(SqlTestFile.Step step) throws SQLException {
    if (step.expectation() instanceof SqlTestFile.FailsWith fails) {
      return expectError(step.statement(), fails);
    }
    if (step.expectation() instanceof SqlTestFile.ReturnsRows rows) {
      return expectRows(step.statement(), rows.rows());
    }
    return expectSuccess(step.statement());
  }

  private boolean createPgTap() throws SQLException {
    ScriptRunner.Outcome created =
        runner.execute(connection, new Statement("CREATE EXTENSION IF NOT EXISTS pgtap", 0, 0));
    if (!created.succeeded()) {
      failures.add(failure(0, null, null, "CREATE EXTENSION pgtap failed: " + message(created)));
    }
    return created.succeeded();
  }

  private boolean expectSuccess(Statement statement) throws SQLException {
    ScriptRunner.Outcome outcome = runner.execute(connection, statement);
    if (!outcome.succeeded()) {
      failures.add(
          failure(
              statement.startLine(),
              "success",
              state(outcome),
              "the statement failed: " + message(outcome)));
      return false;
    }
    outcome.firstColumn().forEach(text -> tap.add(new TapOutput.Line(text, statement.startLine())));
    return true;
  }

  private boolean expectRows(Statement statement, long expected) throws SQLException {
    ScriptRunner.Outcome outcome = runner.execute(connection, statement);
    if (!outcome.succeeded()) {
      failures.add(
          failure(
              statement.startLine(),
              Plural.of(expected, "row"),
              state(outcome),
              "the statement failed: " + message(outcome)));
      return false;
    }
    if (outcome.rows() != expected) {
      failures.add(
          failure(
              statement.startLine(),
              Plural.of(expected, "row"),
              Plural.of(outcome.rows(), "row"),
              "expected " + Plural.of(expected, "row") + ", got " + outcome.rows()));
    }
    return true;
  }

  private boolean expectError(Statement statement, SqlTestFile.FailsWith expected)
      throws SQLException {
    ScriptRunner.Outcome outcome = runner.execute(connection, behindSavepoint(statement));
    if (outcome.outlivedTimeout()) {
      failures.add(
          failure(statement.startLine(), "error " + expected.code(), "timeout", message(outcome)));
      return false;
    }
    String sqlstate = outcome.error() == null ? null : outcome.error().getSQLState();
    if (outcome.error() == null) {
      failures.add(
          failure(
              statement.startLine(),
              "error " + expected.code(),
              "success",
              "expected the statement to fail with " + expected.describe() + ", but it succeeded"));
    } else if (!expected.matches(sqlstate)) {
      failures.add(
          failure(
              statement.startLine(),
              "error " + expected.code(),
              "error " + sqlstate,
              "expected " + expected.describe() + ", got " + sqlstate + ": " + message(outcome)));
    }
    execute("ROLLBACK TO SAVEPOINT " + SAVEPOINT);
    return true;
  }

  /**
   * The statement with the savepoint it runs behind set in the same round trip (on its first line,
   * so that its lines stay where they are); a COPY with its data keeps the savepoint apart.
   */
  private Statement behindSavepoint(Statement statement) throws SQLException {
    if (statement.copyData() != null) {
      execute("SAVEPOINT " + SAVEPOINT);
      return statement;
    }
    return new Statement(
        "SAVEPOINT " + SAVEPOINT + "; " + statement.sql(),
        statement.startLine(),
        statement.endLine());
  }

  private void execute(String sql) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private TestFailure failure(int line, String expected, String actual, String message) {
    return new TestFailure(file.file(), line, expected, actual, message);
  }

  private static String state(ScriptRunner.Outcome outcome) {
    if (outcome.outlivedTimeout()) {
      return "timeout";
    }
    return "error " + outcome.error().getSQLState();
  }

  private static String message(ScriptRunner.Outcome outcome) {
    if (outcome.outlivedTimeout()) {
      return "the statement ran past the statement timeout and was cancelled";
    }
    String text = outcome.error().getMessage();
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}

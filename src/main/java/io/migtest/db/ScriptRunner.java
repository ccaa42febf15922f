package io.migtest.db;

import io.migtest.MigtestException;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import io.migtest.sql.StatementSplitter;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Runs a script wrapped in transactions the way its layout's tool does, and turns a failure into a
 * finding with file, line, SQLSTATE, message, detail and hint.
 *
 * <p>A script that runs as one transaction is sent as one multi-statement query: one round trip
 * instead of one per statement, with the same all-or-nothing effect. The failing statement is found
 * from the server's error position, else from how many statements completed before the error;
 * nothing is ever run twice, since a statement may act outside the database ({@code COPY ... TO
 * PROGRAM}, {@code dblink}).
 *
 * <p>Every round trip is also bounded from the client ({@link StatementWatchdog}): the statement
 * timeout is a session setting that a migration can switch off.
 */
public final class ScriptRunner {
  private static final String SEPARATOR = "\n;\n";

  /** Rows of a query whose first column {@link #execute} keeps (TAP output is one per test). */
  private static final int KEPT_ROWS = 100_000;

  private final Timeouts timeouts;
  private final StatementWatchdog watchdog;
  private final List<Statement> initSql;

  /**
   * @param server the server the connections lead to, which can end a runaway session
   */
  public ScriptRunner(Timeouts timeouts, DatabaseServer server) {
    this(timeouts, server, "");
  }

  /**
   * @param initSql statements run on every connection after the time limits, as Flyway's {@code
   *     initSql} (a search path, a role, an advisory lock a trigger checks); empty for none
   */
  public ScriptRunner(Timeouts timeouts, DatabaseServer server, String initSql) {
    this.timeouts = timeouts;
    this.watchdog = new StatementWatchdog(server);
    this.initSql = StatementSplitter.split("init-sql", initSql).statements();
  }

  /**
   * Sets the session's time limits, then runs the init SQL; call once per new connection.
   *
   * @throws MigtestException a usage error when the init SQL fails: it is configuration
   */
  public void prepare(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("SET statement_timeout = " + timeouts.statementTimeout().toMillis());
      s.execute("SET lock_timeout = " + timeouts.lockTimeout().toMillis());
    }
    for (Statement statement : initSql) {
      Outcome outcome = execute(connection, statement);
      if (!outcome.succeeded()) {
        throw MigtestException.usage(
            "init-sql failed at its line "
                + statement.startLine()
                + ": "
                + (outcome.error() == null
                    ? "it ran past the statement timeout"
                    : ScriptFailures.firstLine(outcome.error()))
                + ". Fix init-sql in migtest.yml (it runs on every connection to a scratch"
                + " database, before anything else).");
      }
    }
  }

  /**
   * Runs {@code script}; empty when every statement succeeded, else the finding of the first
   * failure (a problem of the script itself, such as an unterminated quote, counts as one).
   *
   * @throws SQLException only when the connection itself fails outside a statement
   */
  public Optional<Finding> run(Connection connection, SqlScript script) throws SQLException {
    return run(connection, script, null);
  }

  /**
   * Runs {@code script} and then {@code epilogue} (when not null), in the script's transaction when
   * it runs in one: a history row is written with its migration, or not at all.
   */
  public Optional<Finding> run(Connection connection, SqlScript script, Epilogue epilogue)
      throws SQLException {
    Optional<Finding> problem =
        script.problems().stream().filter(p -> p.severity() == Severity.ERROR).findFirst();
    if (problem.isPresent()) {
      return problem;
    }
    List<Statement> statements = script.split().statements();
    boolean copies = statements.stream().anyMatch(s -> s.copyData() != null);
    if (statements.isEmpty()) {
      return epilogue(connection, epilogue);
    }
    if (inTransaction(script.transactionMode(), statements) && copies) {
      return oneByOneInTransaction(connection, script, statements, epilogue);
    }
    if (inTransaction(script.transactionMode(), statements)) {
      return asOneQuery(connection, script, statements, epilogue);
    }
    Optional<Finding> failure = oneByOne(connection, script, statements);
    if (failure.isEmpty()) {
      failure = openTransaction(connection, script, statements);
    }
    return failure.isPresent() ? failure : epilogue(connection, epilogue);
  }

  /** Runs the epilogue on its own; empty when there is none or it succeeded. */
  private Optional<Finding> epilogue(Connection connection, Epilogue epilogue) throws SQLException {
    if (epilogue == null) {
      return Optional.empty();
    }
    try (var guard = watchdog.watch(connection, timeouts.statementTimeout());
        var s = connection.createStatement()) {
      s.execute(epilogue.sql());
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(epilogue.failure().apply(e));
    }
  }

  /**
   * golang-migrate style multi-statement queries run as one implicit transaction in PostgreSQL,
   * unless there is only one statement or the script controls transactions itself.
   */
  static boolean inTransaction(TransactionMode mode, List<Statement> statements) {
    return switch (mode) {
      case SINGLE_TRANSACTION -> true;
      case AUTOCOMMIT, SEMICOLON_PIECES -> false;
      case MULTI_STATEMENT_QUERY ->
          statements.size() > 1
              && statements.stream().noneMatch(NonTransactionalStatements::isTransactionControl);
    };
  }

  private Optional<Finding> asOneQuery(
      Connection connection, SqlScript script, List<Statement> statements, Epilogue epilogue)
      throws SQLException {
    StringBuilder sql = new StringBuilder();
    int[] offsets = new int[statements.size()];
    for (int i = 0; i < statements.size(); i++) {
      offsets[i] = sql.length();
      sql.append(statements.get(i).sql()).append(SEPARATOR);
    }
    int epilogueOffset = sql.length();
    if (epilogue != null) {
      sql.append(epilogue.sql()).append(SEPARATOR);
    }
    connection.setAutoCommit(false);
    MultiStatementQuery.Result result;
    StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
    try (guard) {
      result = MultiStatementQuery.execute(connection, sql.toString(), guard::statementCompleted);
    }
    try {
      if (guard.fired()) {
        Statement running = statements.get(Math.min(result.completed(), statements.size() - 1));
        return Optional.of(outlived(connection, script, running, guard));
      }
      if (result.error() == null) {
        return commit(connection, script, statements);
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
      return Optional.of(
          ScriptFailures.locate(script, statements, offsets, epilogue, epilogueOffset, result));
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    }
  }

  /**
   * Commits the script's transaction under the time limits: deferred constraints and their triggers
   * run at COMMIT, so it can fail, or run long, like any statement.
   */
  private Optional<Finding> commit(
      Connection connection, SqlScript script, List<Statement> statements) throws SQLException {
    Statement last = statements.get(statements.size() - 1);
    StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
    Optional<Finding> failure = Optional.empty();
    try (guard) {
      connection.commit();
    } catch (SQLException e) {
      Finding atCommit = ScriptFailures.failure(script, last, e, 0);
      failure =
          Optional.of(
              new Finding(
                  atCommit.rule(),
                  atCommit.severity(),
                  atCommit.file(),
                  0,
                  "The migration's COMMIT failed (deferred constraints and triggers run then): "
                      + atCommit
                          .message()
                          .substring(atCommit.message().indexOf("failed: ") + "failed: ".length()),
                  atCommit.sqlstate()));
    }
    if (guard.fired()) {
      return Optional.of(outlived(connection, script, last, guard));
    }
    return failure;
  }

  /**
   * Runs the statements and the epilogue one by one in a transaction, committed when everything
   * succeeded, else rolled back: for scripts with COPY rows, which cannot join a multi-statement
   * query.
   */
  private Optional<Finding> oneByOneInTransaction(
      Connection connection, SqlScript script, List<Statement> statements, Epilogue epilogue)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      Optional<Finding> failure = oneByOne(connection, script, statements);
      if (failure.isEmpty()) {
        failure = epilogue(connection, epilogue);
      }
      if (failure.isEmpty()) {
        return commit(connection, script, statements);
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
      return failure;
    } finally {
      if (!connection.isClosed()) {
        connection.setAutoCommit(true);
      }
    }
  }

  private Optional<Finding> oneByOne(
      Connection connection, SqlScript script, List<Statement> statements) throws SQLException {
    for (Statement statement : statements) {
      StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
      Optional<Finding> failure = Optional.empty();
      try (guard) {
        send(connection, statement);
      } catch (SQLException e) {
        failure =
            Optional.of(ScriptFailures.failure(script, statement, e, ScriptFailures.position(e)));
      } catch (IOException e) {
        failure =
            Optional.of(
                ScriptFailures.failure(
                    script, statement, new SQLException(e.getMessage(), "58030"), 0));
      }
      if (guard.fired()) {
        return Optional.of(outlived(connection, script, statement, guard));
      }
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  /** Sends one statement verbatim; a COPY from the script's own rows streams them. */
  /** Sends one statement verbatim; a COPY from the script's own rows streams them. */
  private static void send(Connection connection, Statement statement)
      throws SQLException, IOException {
    sendCounting(connection, statement, null);
  }

  /**
   * Sends one statement and returns the rows it returned (a query) or changed; the first column of
   * up to {@link #KEPT_ROWS} returned rows is added to {@code firstColumn} unless it is null.
   */
  private static long sendCounting(
      Connection connection, Statement statement, List<String> firstColumn)
      throws SQLException, IOException {
    if (statement.copyData() != null) {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(statement.sql(), new StringReader(statement.copyData()));
    }
    try (var s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      if (!s.execute(statement.sql())) {
        return Math.max(0, s.getLargeUpdateCount());
      }
      long rows = 0;
      try (var results = s.getResultSet()) {
        while (results.next()) {
          if (firstColumn != null && rows < KEPT_ROWS) {
            firstColumn.add(results.getString(1));
          }
          rows++;
        }
      }
      return rows;
    }
  }

  /**
   * What one statement did: the rows it returned or changed (with the first column of the rows a
   * query returned, e.g. TAP output), or the error it raised.
   */
  public record Outcome(
      long rows, List<String> firstColumn, SQLException error, boolean outlivedTimeout) {
    public boolean succeeded() {
      return error == null && !outlivedTimeout;
    }
  }

  /**
   * Runs one statement of any script (a test, a setup file) under the run's time limits, in the
   * connection's current transaction. A statement that outlives the statement timeout closes the
   * connection, as {@link #run} does.
   */
  public Outcome execute(Connection connection, Statement statement) throws SQLException {
    StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
    List<String> firstColumn = new ArrayList<>();
    Outcome outcome;
    try (guard) {
      long rows = sendCounting(connection, statement, firstColumn);
      outcome = new Outcome(rows, List.copyOf(firstColumn), null, false);
    } catch (SQLException e) {
      outcome = new Outcome(0, List.copyOf(firstColumn), e, false);
    } catch (IOException e) {
      outcome = new Outcome(0, List.of(), new SQLException(e.getMessage(), "58030"), false);
    }
    if (guard.fired()) {
      connection.abort(Runnable::run);
      return new Outcome(0, List.of(), outcome.error(), true);
    }
    return outcome;
  }

  /**
   * psql ends every file with its connection, which rolls back a transaction the script opened and
   * never ended: nothing done inside it stays, and the next file must not run inside it.
   */
  private static Optional<Finding> openTransaction(
      Connection connection, SqlScript script, List<Statement> statements) throws SQLException {
    if (connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
      return Optional.empty();
    }
    try (var s = connection.createStatement()) {
      s.execute("ROLLBACK");
    }
    Statement begin =
        statements.stream()
            .filter(NonTransactionalStatements::isTransactionControl)
            .reduce((first, second) -> second)
            .orElse(statements.get(0));
    return Optional.of(
        Finding.error(
            RuleId.OPEN_TRANSACTION,
            script.file(),
            begin.startLine(),
            "The script opens a transaction and never ends it: psql rolls it back when the file"
                + " ends, so nothing done inside it is kept. End it with COMMIT."));
  }

  /**
   * A statement ran past the statement timeout, so the server did not stop it: migtest did. The
   * connection is closed, as a late cancel request could still hit the next statement on it.
   */
  private Finding outlived(
      Connection connection, SqlScript script, Statement statement, StatementWatchdog.Guard guard)
      throws SQLException {
    connection.abort(Runnable::run);
    return ScriptFailures.outlived(script, statement, timeouts.statementTimeout(), guard.budget());
  }
}

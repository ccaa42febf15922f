package io.migtest.db;

import io.migtest.MigtestException;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.PsqlFeature;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import io.migtest.sql.StatementSplitter;
import io.migtest.sql.TransactionBlocks;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.postgresql.util.PSQLWarning;
import org.postgresql.util.ServerErrorMessage;

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
 *
 * <p>A script whose tool runs it with psql, and that uses psql's own commands or variables, runs
 * with psql instead ({@link PsqlRunner}); closing the runner removes what that left behind.
 *
 * <p>The server's warnings while scripts run, over JDBC as through psql, go to the runner's {@link
 * ServerWarnings} ({@link #reportingWarningsTo}); by default nobody keeps them.
 */
public final class ScriptRunner implements AutoCloseable {
  private static final String SEPARATOR = "\n;\n";

  /** Rows of a query whose first column {@link #execute} keeps (TAP output is one per test). */
  private static final int KEPT_ROWS = 100_000;

  private final Timeouts timeouts;
  private final StatementWatchdog watchdog;
  private final List<Statement> initSql;
  private final PsqlRunner psql;
  private final ServerWarnings warnings;

  /**
   * @param server the server the connections lead to, which can end a runaway session
   */
  public ScriptRunner(Timeouts timeouts, DatabaseServer server) {
    this(timeouts, server, "", System.getenv());
  }

  /**
   * @param initSql statements run on every connection after the time limits, as Flyway's {@code
   *     initSql} (a search path, a role, an advisory lock a trigger checks); empty for none
   * @param parentEnv migtest's environment, whose {@code PATH} finds psql and decides how it runs
   */
  public ScriptRunner(
      Timeouts timeouts, DatabaseServer server, String initSql, Map<String, String> parentEnv) {
    this.timeouts = timeouts;
    this.watchdog = new StatementWatchdog(server);
    this.initSql = StatementSplitter.split("init-sql", initSql).statements();
    this.psql = new PsqlRunner(timeouts, server, initSql, parentEnv);
    this.warnings = ServerWarnings.ignored();
  }

  private ScriptRunner(ScriptRunner runner, ServerWarnings warnings) {
    this(runner, runner.timeouts, warnings);
  }

  private ScriptRunner(ScriptRunner runner, Timeouts timeouts, ServerWarnings warnings) {
    this.timeouts = timeouts;
    this.watchdog = runner.watchdog;
    this.initSql = runner.initSql;
    this.psql = runner.psql;
    this.warnings = warnings;
  }

  /**
   * This runner, reporting the server's warnings (and what psql scripts write to standard error) to
   * {@code warnings}: a migrate collects them for the report. It shares this runner's psql folders,
   * which closing this runner removes.
   */
  public ScriptRunner reportingWarningsTo(ServerWarnings warnings) {
    return new ScriptRunner(this, warnings);
  }

  /** The session limits this runner sets. */
  public Timeouts timeouts() {
    return timeouts;
  }

  /**
   * This runner with tighter time limits on JDBC statements (a mutant's time budget); scripts that
   * run with psql keep the run's limits. It shares this runner's psql folders.
   */
  public ScriptRunner limitedTo(Timeouts limits) {
    return new ScriptRunner(this, limits, warnings);
  }

  /** Removes the copies of script folders that psql ran in. */
  @Override
  public void close() {
    psql.close();
  }

  /**
   * Sets the session's time limits, then runs the init SQL; call once per new connection.
   *
   * @throws MigtestException a usage error when the init SQL fails: it is configuration
   */
  public void prepare(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      // One round trip: a mutant's run prepares a connection for each script and test file.
      s.execute(
          "SET statement_timeout = "
              + timeouts.statementTimeout().toMillis()
              + "; SET lock_timeout = "
              + timeouts.lockTimeout().toMillis());
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
    return run(connection, List.of(), script, List.of(), epilogue);
  }

  /**
   * Runs {@code before}, {@code script}, {@code after} and {@code epilogue} (when not null) as one
   * unit wrapped as {@code script} is: all in its transaction when it runs in one, else each
   * statement on its own. Migration tools run their per-migration callbacks this way; a failure
   * names the file it happened in.
   */
  public Optional<Finding> run(
      Connection connection,
      List<SqlScript> before,
      SqlScript script,
      List<SqlScript> after,
      Epilogue epilogue)
      throws SQLException {
    List<SqlScript> scripts = new ArrayList<>(before);
    scripts.add(script);
    scripts.addAll(after);
    Optional<Finding> problem =
        scripts.stream()
            .flatMap(s -> s.problems().stream())
            .filter(p -> p.severity() == Severity.ERROR)
            .findFirst();
    if (problem.isPresent()) {
      return problem;
    }
    Optional<PsqlFeature> feature = script.psqlFeature();
    if (feature.isPresent() && before.isEmpty() && after.isEmpty()) {
      // psql connects on its own, as the tool does; the epilogue follows on this connection.
      Optional<Finding> failure =
          psql.run(
              script,
              feature.get(),
              connection.getCatalog(),
              connection.unwrap(PGConnection.class).getBackendPID(),
              warnings);
      return failure.isPresent() ? failure : epilogue(connection, epilogue);
    }
    List<Step> steps = Step.of(scripts);
    List<Statement> statements = steps.stream().map(Step::statement).toList();
    boolean copies = statements.stream().anyMatch(s -> s.copyData() != null);
    if (statements.isEmpty()) {
      return epilogue(connection, epilogue);
    }
    boolean joined = JoinedConnection.isJoined(connection);
    if (joined && ownsTransactions(script, statements)) {
      TransactionBlocks.Savepoints blocks =
          TransactionBlocks.asSavepoints(statements)
              .orElseThrow(
                  () ->
                      new SQLException(
                          script.file()
                              + " ends transactions in a way that cannot run inside an open"
                              + " transaction"));
      Optional<Finding> failure = inSavepoints(connection, steps, blocks);
      return failure.isPresent() ? failure : epilogue(connection, epilogue);
    }
    boolean oneTransaction =
        inTransaction(script.transactionMode(), statements) || joined && committedAlone(statements);
    if (oneTransaction && copies) {
      return oneByOneInTransaction(connection, script, steps, epilogue);
    }
    if (oneTransaction) {
      return asOneQuery(connection, script, steps, epilogue);
    }
    Optional<Finding> failure = oneByOne(connection, steps);
    if (failure.isEmpty()) {
      failure = openTransaction(connection, steps);
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
   * Whether {@code script} can run on a connection that joins an open transaction ({@link
   * RolledBackSession}) as far as its own transactions go: not with psql, and it begins and ends
   * none of its own, or only in the plain blocks {@link TransactionBlocks} turns into savepoints.
   */
  public static boolean runsInJoinedTransaction(SqlScript script) {
    List<Statement> statements = script.split().statements();
    if (script.psqlFeature().isPresent()) {
      return false;
    }
    if (statements.stream().noneMatch(NonTransactionalStatements::isTransactionControl)) {
      return true;
    }
    return ownsTransactions(script, statements)
        && TransactionBlocks.asSavepoints(statements).filter(b -> !b.leftOpen()).isPresent();
  }

  /**
   * Whether the script runs as one transaction committed after its last statement (the tool's, or
   * its only statement's own), with no transaction control of its own: on a connection that joins
   * an open transaction it then fails where, and leaves what, it does on a connection of its own
   * (the joined COMMIT makes the same checks, {@link
   * io.migtest.sql.TransactionBlocks#DEFERRED_CHECK}).
   */
  public static boolean runsAsOneTransaction(SqlScript script) {
    List<Statement> statements = script.split().statements();
    return script.psqlFeature().isEmpty()
        && (inTransaction(script.transactionMode(), statements) || committedAlone(statements))
        && statements.stream().noneMatch(NonTransactionalStatements::isTransactionControl);
  }

  /**
   * Whether the statements are one statement that, sent alone, is a transaction of its own,
   * committed when it ends: on a connection that joins an open transaction it runs as one (behind a
   * savepoint, with its commit's checks), unless it cannot run in a transaction block at all.
   */
  private static boolean committedAlone(List<Statement> statements) {
    return statements.size() == 1
        && !NonTransactionalStatements.isTransactionControl(statements.get(0))
        && !NonTransactionalStatements.matches(statements.get(0));
  }

  /** Whether the script begins or ends transactions itself, outside any transaction of the tool. */
  private static boolean ownsTransactions(SqlScript script, List<Statement> statements) {
    return statements.stream().anyMatch(NonTransactionalStatements::isTransactionControl)
        && !inTransaction(script.transactionMode(), statements);
  }

  /**
   * Runs the steps one by one with the script's blocks as savepoints of the joined transaction. A
   * failure inside a block rolls the block back, as psql's session ending would, and so does the
   * end of a script that leaves its last block open (a failure, as on a connection of its own).
   */
  private Optional<Finding> inSavepoints(
      Connection connection, List<Step> steps, TransactionBlocks.Savepoints blocks)
      throws SQLException {
    for (int i = 0; i < steps.size(); i++) {
      Statement original = steps.get(i).statement();
      Step step =
          new Step(
              steps.get(i).script(),
              new Statement(
                  blocks.sql().get(i),
                  original.startLine(),
                  original.endLine(),
                  original.copyData()));
      Optional<Finding> failure = oneByOne(connection, List.of(step));
      if (failure.isPresent()) {
        if (blocks.inBlock().get(i) && !connection.isClosed()) {
          rollBackBlock(connection);
        }
        return failure;
      }
    }
    if (blocks.leftOpen()) {
      rollBackBlock(connection);
      Step begin = steps.get(blocks.unendedBegin());
      return Optional.of(
          ScriptFailures.openTransaction(begin.script(), List.of(begin.statement())));
    }
    return Optional.empty();
  }

  private static void rollBackBlock(Connection connection) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute("ROLLBACK TO SAVEPOINT " + TransactionBlocks.SAVEPOINT);
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

  /**
   * Sends the steps as one query in one transaction.
   *
   * @param script the script whose COMMIT it is (the migration, when callbacks run around it)
   */
  private Optional<Finding> asOneQuery(
      Connection connection, SqlScript script, List<Step> steps, Epilogue epilogue)
      throws SQLException {
    StringBuilder sql = new StringBuilder();
    int[] offsets = new int[steps.size()];
    for (int i = 0; i < steps.size(); i++) {
      offsets[i] = sql.length();
      sql.append(steps.get(i).statement().sql()).append(SEPARATOR);
    }
    int epilogueOffset = sql.length();
    if (epilogue != null) {
      sql.append(epilogue.sql()).append(SEPARATOR);
    }
    connection.setAutoCommit(false);
    MultiStatementQuery.Result result;
    StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
    try (guard) {
      result =
          MultiStatementQuery.execute(
              connection,
              sql.toString(),
              guard::statementCompleted,
              (completed, warning) -> {
                if (completed < steps.size()) {
                  report(steps.get(completed), warning);
                }
              });
    }
    try {
      if (guard.fired()) {
        Step running = steps.get(Math.min(result.completed(), steps.size() - 1));
        return Optional.of(outlived(connection, running, guard));
      }
      if (result.error() == null) {
        return commit(connection, script, steps);
      }
      if (!connection.isClosed()) {
        connection.rollback();
      }
      return Optional.of(
          ScriptFailures.locate(script, steps, offsets, epilogue, epilogueOffset, result));
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
  private Optional<Finding> commit(Connection connection, SqlScript script, List<Step> steps)
      throws SQLException {
    Step last = steps.get(steps.size() - 1);
    StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
    Optional<Finding> failure = Optional.empty();
    try (guard) {
      connection.commit();
    } catch (SQLException e) {
      Finding atCommit = ScriptFailures.failure(script, last.statement(), e, 0);
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
      return Optional.of(outlived(connection, last, guard));
    }
    return failure;
  }

  /**
   * Runs the statements and the epilogue one by one in a transaction, committed when everything
   * succeeded, else rolled back: for scripts with COPY rows, which cannot join a multi-statement
   * query.
   */
  private Optional<Finding> oneByOneInTransaction(
      Connection connection, SqlScript script, List<Step> steps, Epilogue epilogue)
      throws SQLException {
    connection.setAutoCommit(false);
    try {
      Optional<Finding> failure = oneByOne(connection, steps);
      if (failure.isEmpty()) {
        failure = epilogue(connection, epilogue);
      }
      if (failure.isEmpty()) {
        return commit(connection, script, steps);
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

  private Optional<Finding> oneByOne(Connection connection, List<Step> steps) throws SQLException {
    for (Step step : steps) {
      StatementWatchdog.Guard guard = watchdog.watch(connection, timeouts.statementTimeout());
      Optional<Finding> failure = Optional.empty();
      try (guard) {
        sendCounting(connection, step.statement(), null, warning -> report(step, warning));
      } catch (SQLException e) {
        failure =
            Optional.of(
                ScriptFailures.failure(
                    step.script(), step.statement(), e, ScriptFailures.position(e)));
      } catch (IOException e) {
        failure =
            Optional.of(
                ScriptFailures.failure(
                    step.script(), step.statement(), new SQLException(e.getMessage(), "58030"), 0));
      }
      if (guard.fired()) {
        return Optional.of(outlived(connection, step, guard));
      }
      if (failure.isPresent()) {
        return failure;
      }
    }
    return Optional.empty();
  }

  /** The server's warnings among {@code chain}, reported at {@code step}'s file and line. */
  private void report(Step step, SQLWarning chain) {
    for (SQLWarning w = chain; w != null; w = w.getNextWarning()) {
      if (w instanceof PSQLWarning server
          && server.getServerErrorMessage() != null
          && ServerWarnings.WARNING.equals(server.getServerErrorMessage().getSeverity())) {
        ServerErrorMessage m = server.getServerErrorMessage();
        warnings.server(
            step.script().file(),
            step.statement().startLine(),
            m.getMessage(),
            m.getDetail(),
            m.getHint(),
            m.getSQLState());
      }
    }
  }

  /**
   * Sends one statement verbatim (a COPY from the script's own rows streams them) and returns the
   * rows it returned (a query) or changed; the first column of up to {@link #KEPT_ROWS} returned
   * rows is added to {@code firstColumn} (unless that is null; SQL NULLs are left out, as a call of
   * a {@code void} function returns), and the server's notices and warnings of a statement that
   * succeeded go to {@code warnings}.
   */
  private static long sendCounting(
      Connection connection,
      Statement statement,
      List<String> firstColumn,
      Consumer<SQLWarning> warnings)
      throws SQLException, IOException {
    if (statement.copyData() != null) {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(statement.sql(), new StringReader(statement.copyData()));
    }
    try (var s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      boolean query = s.execute(statement.sql());
      warnings.accept(s.getWarnings());
      if (!query) {
        return Math.max(0, s.getLargeUpdateCount());
      }
      long rows = 0;
      try (var results = s.getResultSet()) {
        while (results.next()) {
          String first = firstColumn != null && rows < KEPT_ROWS ? results.getString(1) : null;
          if (first != null) {
            firstColumn.add(first);
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
      long rows = sendCounting(connection, statement, firstColumn, warning -> {});
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
  private static Optional<Finding> openTransaction(Connection connection, List<Step> steps)
      throws SQLException {
    if (connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
      return Optional.empty();
    }
    try (var s = connection.createStatement()) {
      s.execute("ROLLBACK");
    }
    Step begin =
        steps.stream()
            .filter(s -> NonTransactionalStatements.isTransactionControl(s.statement()))
            .reduce((first, second) -> second)
            .orElse(steps.get(0));
    return Optional.of(ScriptFailures.openTransaction(begin.script(), List.of(begin.statement())));
  }

  /**
   * A statement ran past the statement timeout, so the server did not stop it: migtest did. The
   * connection is closed, as a late cancel request could still hit the next statement on it.
   */
  private Finding outlived(Connection connection, Step step, StatementWatchdog.Guard guard)
      throws SQLException {
    connection.abort(Runnable::run);
    return ScriptFailures.outlived(
        step.script(), step.statement(), timeouts.statementTimeout(), guard.budget());
  }
}

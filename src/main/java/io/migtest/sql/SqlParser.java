package io.migtest.sql;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The JSqlParser facade: parses one statement with a time limit and keeps the AST when it parses.
 *
 * <p>JSqlParser can take very long on some input, so every parse runs on a worker thread that is
 * abandoned (and told to stop) when the limit passes. Statements it cannot parse are still run
 * verbatim by the caller; they only lose AST-based checks.
 */
public final class SqlParser implements AutoCloseable {
  /** Larger statements (bulk data) are not worth an AST and would only burn the time limit. */
  static final int MAX_PARSED_LENGTH = 200_000;

  private final ExecutorService worker;
  private final long timeoutMillis;

  static {
    // JSqlParser logs every parse attempt at INFO through java.util.logging.
    CCJSqlParserUtil.LOGGER.setLevel(Level.OFF);
  }

  public SqlParser(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    this.worker =
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "migtest-sql-parser");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Parses one statement; never throws for bad SQL. */
  public ParsedStatement parse(Statement statement) {
    if (statement.sql().length() > MAX_PARSED_LENGTH) {
      return new ParsedStatement(
          statement, null, "longer than " + MAX_PARSED_LENGTH + " characters, not parsed");
    }
    try {
      var ast =
          CCJSqlParserUtil.parse(
              statement.sql(), worker, parser -> parser.withTimeOut(timeoutMillis));
      if (ast instanceof UnsupportedStatement) {
        return new ParsedStatement(statement, null, "statement kind not supported by JSqlParser");
      }
      return new ParsedStatement(statement, ast, null);
    } catch (JSQLParserException e) {
      if (e.getCause() instanceof TimeoutException) {
        return new ParsedStatement(
            statement, null, "JSqlParser took longer than " + timeoutMillis + " ms, not parsed");
      }
      return new ParsedStatement(statement, null, firstLine(e));
    } catch (RuntimeException | StackOverflowError e) {
      return new ParsedStatement(statement, null, "parser failed: " + e.getClass().getSimpleName());
    }
  }

  private static String firstLine(JSQLParserException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}

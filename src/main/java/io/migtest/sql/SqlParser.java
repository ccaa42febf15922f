package io.migtest.sql;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The JSqlParser facade: parses one statement with a time limit and keeps the AST when it parses.
 *
 * <p>JSqlParser can take very long on some input. A watchdog raises JSqlParser's {@code
 * interrupted} flag when the limit passes, which its grammar checks in the loops that can explode.
 * {@link #parseHere} parses on the caller's thread (handing every statement to another thread cost
 * a third of the parse time), for callers that guard against a statement that never reaches a check
 * ({@link ParsedScripts}); {@link #parse} runs on a worker thread and gives up on it after twice
 * the limit and a second, whatever the statement does. Like JSqlParser itself, it first parses
 * without complex expression parsing and retries with it only when that fails. Statements it cannot
 * parse are still run verbatim by the caller; they only lose AST-based checks.
 */
public final class SqlParser implements AutoCloseable {
  /** Larger statements (bulk data) are not worth an AST and would only burn the time limit. */
  static final int MAX_PARSED_LENGTH = 200_000;

  private final ScheduledThreadPoolExecutor watchdog;
  private final ExecutorService worker;
  private final long timeoutMillis;

  static {
    // JSqlParser logs every parse attempt at INFO through java.util.logging.
    CCJSqlParserUtil.LOGGER.setLevel(Level.OFF);
  }

  public SqlParser(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    this.watchdog = new ScheduledThreadPoolExecutor(1, daemon("migtest-sql-parser-watchdog"));
    // A cancelled alarm would otherwise keep its parser in memory until its time had passed.
    this.watchdog.setRemoveOnCancelPolicy(true);
    this.worker = Executors.newCachedThreadPool(daemon("migtest-sql-parser"));
  }

  private static ThreadFactory daemon(String name) {
    return task -> {
      Thread thread = new Thread(task, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Parses one statement on a worker thread, abandoned when it outlives twice the limit and a
   * second; never throws for bad SQL.
   */
  public ParsedStatement parse(Statement statement) {
    Future<ParsedStatement> parsing = worker.submit(() -> parseHere(statement));
    try {
      return parsing.get(2 * timeoutMillis + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      parsing.cancel(true);
      return tookTooLong(statement);
    } catch (ExecutionException e) {
      return new ParsedStatement(
          statement, null, "parser failed: " + e.getCause().getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ParsedStatement(statement, null, "interrupted, not parsed");
    }
  }

  /**
   * Parses one statement on the caller's thread, which a statement that never reaches one of the
   * grammar's checks would hold; never throws for bad SQL.
   */
  public ParsedStatement parseHere(Statement statement) {
    String sql = statement.sql();
    if (sql.length() > MAX_PARSED_LENGTH) {
      return new ParsedStatement(
          statement, null, "longer than " + MAX_PARSED_LENGTH + " characters, not parsed");
    }
    Attempt simple = attempt(sql, false);
    Attempt outcome =
        simple.failure() == null || simple.timedOut() || tooDeepForComplexParsing(sql)
            ? simple
            : attempt(sql, true);
    if (outcome.timedOut()) {
      return tookTooLong(statement);
    }
    if (outcome.failure() != null) {
      return new ParsedStatement(statement, null, outcome.failure());
    }
    if (outcome.ast() instanceof UnsupportedStatement) {
      return new ParsedStatement(statement, null, "statement kind not supported by JSqlParser");
    }
    return new ParsedStatement(statement, outcome.ast(), null);
  }

  /** JSqlParser's own bound (its default configuration): deeper nesting is not retried. */
  private static boolean tooDeepForComplexParsing(String sql) {
    int allowed = (Integer) Feature.allowedNestingDepth.getDefaultValue();
    return allowed >= 0 && CCJSqlParserUtil.getNestingDepth(sql) > allowed;
  }

  private ParsedStatement tookTooLong(Statement statement) {
    return new ParsedStatement(
        statement, null, "JSqlParser took longer than " + timeoutMillis + " ms, not parsed");
  }

  private record Attempt(
      net.sf.jsqlparser.statement.Statement ast, String failure, boolean timedOut) {}

  private Attempt attempt(String sql, boolean complex) {
    CCJSqlParser parser = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(complex);
    ScheduledFuture<?> alarm =
        watchdog.schedule(() -> parser.interrupted = true, timeoutMillis, TimeUnit.MILLISECONDS);
    try {
      net.sf.jsqlparser.statement.Statement ast = parser.Statement();
      return parser.interrupted
          ? new Attempt(null, "interrupted", true)
          : new Attempt(ast, ast == null ? "empty statement" : null, false);
    } catch (Exception e) {
      return new Attempt(null, firstLine(e), parser.interrupted);
    } catch (StackOverflowError e) {
      return new Attempt(null, "parser failed: " + e.getClass().getSimpleName(), false);
    } finally {
      alarm.cancel(false);
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message).strip();
  }

  @Override
  public void close() {
    worker.shutdownNow();
    watchdog.shutdownNow();
  }
}

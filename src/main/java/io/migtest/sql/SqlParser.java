package io.migtest.sql;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.feature.Feature;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The JSqlParser facade: parses one statement with a time limit and keeps the AST when it parses.
 *
 * <p>JSqlParser can take very long on some input. The parse runs on the caller's thread (handing
 * every statement to another thread, as JSqlParser's own time limit does, cost a third of the parse
 * time), and a watchdog raises JSqlParser's {@code interrupted} flag when the limit passes, which
 * its grammar checks in the loops that can explode. Like JSqlParser itself, it first parses without
 * complex expression parsing and retries with it only when that fails. Statements it cannot parse
 * are still run verbatim by the caller; they only lose AST-based checks.
 */
public final class SqlParser implements AutoCloseable {
  /** Larger statements (bulk data) are not worth an AST and would only burn the time limit. */
  static final int MAX_PARSED_LENGTH = 200_000;

  private final ScheduledExecutorService watchdog;
  private final long timeoutMillis;

  static {
    // JSqlParser logs every parse attempt at INFO through java.util.logging.
    CCJSqlParserUtil.LOGGER.setLevel(Level.OFF);
  }

  public SqlParser(Duration timeout) {
    this.timeoutMillis = timeout.toMillis();
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "migtest-sql-parser-watchdog");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Parses one statement; never throws for bad SQL. */
  public ParsedStatement parse(Statement statement) {
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
      return new ParsedStatement(
          statement, null, "JSqlParser took longer than " + timeoutMillis + " ms, not parsed");
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
    watchdog.shutdownNow();
  }
}

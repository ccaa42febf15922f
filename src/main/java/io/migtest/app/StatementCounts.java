package io.migtest.app;

import io.migtest.migration.Migration;
import io.migtest.sql.ParsedStatement;
import io.migtest.sql.SqlParser;
import io.migtest.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Parses every up script with JSqlParser on a background thread while the gates use the database,
 * and counts the statements it could not parse. Parsing inline would cost more than running the
 * statements (ARCHITECTURE.md, measured costs).
 */
public final class StatementCounts {
  /** Statements of one script, and how many of them JSqlParser could not parse. */
  public record Count(int statements, int unparsed) {}

  private static final Duration PARSE_LIMIT = Duration.ofSeconds(2);
  private final CompletableFuture<Map<String, Count>> counts;

  private StatementCounts(CompletableFuture<Map<String, Count>> counts) {
    this.counts = counts;
  }

  /** Starts counting in the background. */
  public static StatementCounts start(List<Migration> migrations) {
    return new StatementCounts(CompletableFuture.supplyAsync(() -> count(migrations), daemon()));
  }

  /** The key of a migration's count: its up script's place (ids repeat when versions do). */
  static String key(Migration migration) {
    return migration.up().file() + ":" + migration.up().firstLine();
  }

  /** The counts by {@link #key}, waiting for the background work to end. */
  public Map<String, Count> get() {
    try {
      return counts.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("statement parsing failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing statements", e);
    }
  }

  private static Map<String, Count> count(List<Migration> migrations) {
    Map<String, Count> result = new HashMap<>();
    try (SqlParser parser = new SqlParser(PARSE_LIMIT)) {
      for (Migration migration : migrations) {
        List<Statement> statements = migration.up().split().statements();
        int unparsed = 0;
        for (Statement statement : statements) {
          ParsedStatement parsed = parser.parse(statement);
          if (!parsed.parsed()) {
            unparsed++;
          }
        }
        result.put(key(migration), new Count(statements.size(), unparsed));
      }
    }
    return result;
  }

  private static java.util.concurrent.Executor daemon() {
    return task -> {
      Thread thread = new Thread(task, "migtest-parse-ahead");
      thread.setDaemon(true);
      thread.start();
    };
  }
}

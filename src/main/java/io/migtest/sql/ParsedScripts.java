package io.migtest.sql;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every statement of a run's scripts parsed once, ahead and in parallel, while the gates use the
 * database (parsing inline would cost more than running the statements). Outcomes already in the
 * cache are not parsed again; their ASTs are rebuilt only when a check asks for one. Lint and
 * mutation read statements from here.
 */
public final class ParsedScripts implements AutoCloseable {
  private final SqlParser parser;
  private final ExecutorService workers;
  private final Map<String, ParseOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, net.sf.jsqlparser.statement.Statement> asts = new ConcurrentHashMap<>();
  private final AtomicInteger parsedNow = new AtomicInteger();
  private final int knownFromCache;
  private final CompletableFuture<Void> done;

  private ParsedScripts(
      List<SqlScript> scripts, Map<String, ParseOutcome> cached, Duration limit, int threads) {
    this.parser = new SqlParser(limit);
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "migtest-parse-ahead");
              thread.setDaemon(true);
              return thread;
            });
    Map<String, Statement> toParse = new LinkedHashMap<>();
    int cachedHits = 0;
    for (SqlScript script : scripts) {
      for (Statement statement : script.split().statements()) {
        String hash = ParseCache.hash(statement);
        ParseOutcome known = cached.get(hash);
        if (known == null) {
          toParse.putIfAbsent(hash, statement);
        } else if (outcomes.put(hash, known) == null) {
          cachedHits++;
        }
      }
    }
    this.knownFromCache = cachedHits;
    this.done =
        CompletableFuture.allOf(
            toParse.entrySet().stream()
                .map(
                    e -> CompletableFuture.runAsync(() -> parse(e.getKey(), e.getValue()), workers))
                .toArray(CompletableFuture[]::new));
  }

  /**
   * Starts parsing {@code scripts} in the background.
   *
   * @param cached outcomes of earlier runs, by statement hash
   * @param threads parser threads (leave a core to the database)
   */
  public static ParsedScripts start(
      List<SqlScript> scripts, Map<String, ParseOutcome> cached, Duration limit, int threads) {
    return new ParsedScripts(scripts, cached, limit, Math.max(1, threads));
  }

  private void parse(String hash, Statement statement) {
    ParsedStatement parsed = parser.parse(statement);
    parsedNow.incrementAndGet();
    if (parsed.parsed()) {
      asts.put(hash, parsed.ast());
      outcomes.put(hash, ParseOutcome.PARSED);
    } else {
      outcomes.put(hash, new ParseOutcome(parsed.parseFailure()));
    }
  }

  /** Whether {@code statement} parses, waiting for the background work if needed. */
  public ParseOutcome outcome(Statement statement) {
    awaitDone();
    return outcomes.getOrDefault(ParseCache.hash(statement), new ParseOutcome("not parsed"));
  }

  /** The AST of {@code statement} when it parses (rebuilt if it came from the cache). */
  public Optional<net.sf.jsqlparser.statement.Statement> ast(Statement statement) {
    String hash = ParseCache.hash(statement);
    if (!outcome(statement).parsed()) {
      return Optional.empty();
    }
    return Optional.ofNullable(asts.computeIfAbsent(hash, h -> parser.parse(statement).ast()));
  }

  /** Every outcome known after the background work, for the cache. */
  public Map<String, ParseOutcome> outcomes() {
    awaitDone();
    return Map.copyOf(outcomes);
  }

  /** How many statements this run parsed (the rest came from the cache). */
  public int parsedNow() {
    awaitDone();
    return parsedNow.get();
  }

  /** How many distinct statements the cache already knew. */
  public int knownFromCache() {
    return knownFromCache;
  }

  private void awaitDone() {
    try {
      done.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("statement parsing failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while parsing statements", e);
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    parser.close();
  }
}

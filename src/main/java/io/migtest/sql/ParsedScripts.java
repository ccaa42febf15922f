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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every statement of a run's scripts parsed once, ahead and in parallel, while the gates use the
 * database (parsing inline would cost more than running the statements). Outcomes already in the
 * cache are not parsed again; their ASTs are rebuilt only when a check asks for one. The ASTs of
 * the parse ahead are kept only when a gate of the run reads them (mutation, data): a lint run only
 * needs to know which statements parse, and 20,000 kept ASTs take a gigabyte. Lint and mutation
 * read statements from here.
 */
public final class ParsedScripts implements AutoCloseable {
  private final SqlParser parser;
  private final ExecutorService workers;
  private final Map<String, ParseOutcome> outcomes = new ConcurrentHashMap<>();
  private final Map<String, net.sf.jsqlparser.statement.Statement> asts = new ConcurrentHashMap<>();

  /** Content hashes by statement text: every report and check asks again for the same ones. */
  private final Map<String, String> hashes = new ConcurrentHashMap<>();

  private final AtomicInteger parsedNow = new AtomicInteger();
  private final boolean keepTrees;
  private final int knownFromCache;
  private final CompletableFuture<Void> done;
  private final Duration stallWindow;

  /** Set once the parse ahead stopped making progress: later questions do not wait again. */
  private volatile boolean stalled;

  private ParsedScripts(
      List<SqlScript> scripts,
      Map<String, ParseOutcome> cached,
      Duration limit,
      int threads,
      boolean keepTrees) {
    this.parser = new SqlParser(limit);
    this.stallWindow = limit.multipliedBy(2).plusSeconds(1);
    this.keepTrees = keepTrees;
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "migtest-parse-ahead");
              thread.setDaemon(true);
              return thread;
            });
    // The content hashes first, on every core: the loop below then only looks them up.
    scripts.parallelStream().flatMap(s -> s.split().statements().stream()).forEach(this::hash);
    Map<String, Statement> toParse = new LinkedHashMap<>();
    int cachedHits = 0;
    for (SqlScript script : scripts) {
      for (Statement statement : script.split().statements()) {
        String hash = hash(statement);
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
   * @param keepTrees whether to keep the ASTs of the parse ahead for the gates that read them
   */
  public static ParsedScripts start(
      List<SqlScript> scripts,
      Map<String, ParseOutcome> cached,
      Duration limit,
      int threads,
      boolean keepTrees) {
    return new ParsedScripts(scripts, cached, limit, Math.max(1, threads), keepTrees);
  }

  private void parse(String hash, Statement statement) {
    ParsedStatement parsed = parser.parseHere(statement);
    parsedNow.incrementAndGet();
    if (parsed.parsed()) {
      if (keepTrees) {
        asts.put(hash, parsed.ast());
      }
      outcomes.put(hash, ParseOutcome.PARSED);
    } else {
      outcomes.put(hash, new ParseOutcome(parsed.parseFailure()));
    }
  }

  /** Whether {@code statement} parses, waiting for the background work if needed. */
  public ParseOutcome outcome(Statement statement) {
    awaitDone();
    return outcomes.getOrDefault(hash(statement), new ParseOutcome("not parsed"));
  }

  /** The AST of {@code statement} when it parses (rebuilt if it came from the cache). */
  public Optional<net.sf.jsqlparser.statement.Statement> ast(Statement statement) {
    String hash = hash(statement);
    if (!outcome(statement).parsed()) {
      return Optional.empty();
    }
    return Optional.ofNullable(asts.computeIfAbsent(hash, h -> parser.parse(statement).ast()));
  }

  private String hash(Statement statement) {
    return hashes.computeIfAbsent(statement.sql(), sql -> ParseCache.hash(statement));
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

  /**
   * Waits for the parse ahead. The parser's time limit is a flag its grammar checks; should a
   * statement never reach a check, its thread would never return, so when no statement completes
   * for {@code stallWindow} (two attempts at the limit and a second), the ones still open stay "not
   * parsed" and the run goes on.
   */
  private void awaitDone() {
    try {
      int seen = -1;
      while (!done.isDone() && !stalled) {
        try {
          done.get(stallWindow.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          int now = parsedNow.get();
          if (now == seen) {
            stalled = true;
            return;
          }
          seen = now;
        }
      }
      if (stalled) {
        return;
      }
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

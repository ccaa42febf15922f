package io.migtest.bench;

import io.migtest.db.DatabaseServer;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.LaunchMode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Starts and stops the embedded server {@code rounds} times and prints how long each took until it
 * answered a first query, and for the first one also the time since this process started (JVM start
 * included), which is what a cold container pays before its first migration statement.
 */
public final class StartBenchmark {
  private final int rounds;
  private final LaunchMode mode;
  private final Map<String, String> env;

  public StartBenchmark(int rounds, LaunchMode mode, Map<String, String> env) {
    this.env = env;
    this.rounds = rounds;
    this.mode = mode;
  }

  public void run(PrintWriter out) {
    EmbeddedProvider provider = new EmbeddedProvider(env, mode);
    out.println("embedded start: " + provider.plan());
    for (int i = 1; i <= rounds; i++) {
      long started = System.nanoTime();
      try (DatabaseServer server = provider.start()) {
        server.version();
        long answered = System.nanoTime();
        out.printf(
            Locale.ROOT,
            "  start %d (%s): %.2f s to the first query%s%n",
            i,
            i == 1 ? "first in this JVM" : "warm",
            (answered - started) / 1e9,
            i == 1 ? sinceProcessStart() : "");
      }
    }
  }

  private static String sinceProcessStart() {
    return ProcessHandle.current()
        .info()
        .startInstant()
        .map(
            start ->
                String.format(
                    Locale.ROOT,
                    " (%.2f s since the process started)",
                    Duration.between(start, Instant.now()).toMillis() / 1e3))
        .orElse("");
  }
}

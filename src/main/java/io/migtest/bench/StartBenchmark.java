package io.migtest.bench;

import io.migtest.db.DatabaseServer;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.LaunchMode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** Starts and stops the embedded server {@code rounds} times and prints each start time. */
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
        long ready = System.nanoTime();
        server.version();
        out.printf(
            Locale.ROOT,
            "  start %d (%s): %.2f s to ready%n",
            i,
            i == 1 ? "first in this JVM" : "warm",
            (ready - started) / 1e9);
      }
    }
  }
}

package io.migtest.bench;

import io.migtest.fs.TreeDeletion;
import io.migtest.gate.GateId;
import io.migtest.gate.GateResult;
import io.migtest.perf.MigrationPerformance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Times the performance gate as {@code check --gates performance --base main} runs it, on a
 * generated repository: a base branch of ten related tables (the apply benchmark's history) and a
 * pull request of new migrations that add columns, build indexes, update rows, add and validate
 * constraints and rewrite tables, at the default scale.
 */
public final class PerformanceBenchmark {
  private static final int BASE_TABLES = 10;

  private final int migrations;
  private final Map<String, String> env;

  public PerformanceBenchmark(int migrations, Map<String, String> env) {
    this.migrations = migrations;
    this.env = env;
  }

  public void run(PrintWriter out) throws IOException {
    Path repo = Files.createTempDirectory("migtest-bench-perf-");
    try {
      Path dir = repo.resolve("db/migrations");
      HistoryGenerator.write(dir, BASE_TABLES);
      BenchRepository repository = new BenchRepository(repo, env);
      repository.commitBase();
      for (int i = 1; i <= migrations; i++) {
        Files.writeString(
            dir.resolve("V" + (BASE_TABLES + i) + "__change_" + i + ".sql"), change(i));
      }
      out.printf(
          Locale.ROOT,
          "repository: %d base migrations (%d tables), %d new migrations in %s%n",
          BASE_TABLES,
          BASE_TABLES,
          migrations,
          repo);
      out.flush();
      BenchRepository.Timed check = repository.check("performance");
      GateResult gate =
          check.outcome().report().gates().stream()
              .filter(g -> g.id() == GateId.PERFORMANCE)
              .findFirst()
              .orElseThrow();
      out.printf(
          Locale.ROOT,
          "performance gate: %s, %s%n  %d findings; gate %.1f s, whole check %.1f s"
              + " (database start included; goal: under 60 s on 2 cores)%n",
          gate.status(),
          gate.summary(),
          gate.findings().size(),
          gate.durationMs() / 1000.0,
          check.seconds());
      if (gate.performance() != null) {
        for (MigrationPerformance m : gate.performance().migrations()) {
          out.printf(
              Locale.ROOT,
              "  %-40s %8.1f ms  WAL %10d B  rewrites %s%n",
              m.file().substring(m.file().lastIndexOf('/') + 1),
              m.durationMs(),
              m.walBytes(),
              m.rewrites());
        }
      }
    } finally {
      TreeDeletion.delete(repo);
    }
  }

  /** The {@code i}-th migration of the pull request: one of five kinds of change, on table i. */
  private static String change(int i) {
    String t = "t" + (1 + (i - 1) % BASE_TABLES);
    return switch (i % 5) {
      case 1 -> "ALTER TABLE " + t + " ADD COLUMN extra_" + i + " text;\n";
      case 2 -> "CREATE INDEX " + t + "_amount_" + i + " ON " + t + " (amount);\n";
      case 3 -> "UPDATE " + t + " SET note = 'n" + i + "' WHERE id % 10 = 0;\n";
      case 4 ->
          "ALTER TABLE "
              + t
              + " ADD CONSTRAINT "
              + t
              + "_positive_"
              + i
              + " CHECK (amount >= 0) NOT VALID;\nALTER TABLE "
              + t
              + " VALIDATE CONSTRAINT "
              + t
              + "_positive_"
              + i
              + ";\n";
      default ->
          "ALTER TABLE " + t + " ADD COLUMN token_" + i + " uuid DEFAULT gen_random_uuid();\n";
    };
  }
}

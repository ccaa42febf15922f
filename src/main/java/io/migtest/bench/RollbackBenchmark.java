package io.migtest.bench;

import io.migtest.app.CheckService;
import io.migtest.config.Config;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.fs.TreeDeletion;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateRunner;
import io.migtest.gate.GateStatus;
import io.migtest.gate.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the rollback and data gates as {@code check --gates rollback,data --base main} runs them,
 * on a generated golang-migrate repository: a base branch of ten tables and a pull request of new
 * migrations, each with a down script that undoes it (columns, indexes, constraints, tables).
 */
public final class RollbackBenchmark {
  private static final int BASE_TABLES = 10;

  private final int migrations;
  private final Map<String, String> env;

  public RollbackBenchmark(int migrations, Map<String, String> env) {
    this.migrations = migrations;
    this.env = env;
  }

  public void run(PrintWriter out) throws IOException {
    Path repo = Files.createTempDirectory("migtest-bench-rollback-");
    try {
      Path dir = repo.resolve("db/migrations");
      Files.createDirectories(dir);
      StringBuilder up = new StringBuilder();
      StringBuilder down = new StringBuilder();
      for (int t = 1; t <= BASE_TABLES; t++) {
        up.append("CREATE TABLE t")
            .append(t)
            .append(" (id bigint PRIMARY KEY, name text NOT NULL, amount int NOT NULL);\n");
        down.append("DROP TABLE t").append(t).append(";\n");
      }
      Files.writeString(dir.resolve("1_base.up.sql"), up);
      Files.writeString(dir.resolve("1_base.down.sql"), down);
      BenchGit.run(repo, env, "init", "-q", "-b", "main");
      BenchGit.run(repo, env, "add", "-A");
      BenchGit.run(repo, env, "commit", "-q", "-m", "base");
      BenchGit.run(repo, env, "checkout", "-q", "-b", "feature");
      for (int i = 1; i <= migrations; i++) {
        String[] change = change(i);
        Files.writeString(dir.resolve((i + 1) + "_change_" + i + ".up.sql"), change[0]);
        Files.writeString(dir.resolve((i + 1) + "_change_" + i + ".down.sql"), change[1]);
      }
      out.printf(
          Locale.ROOT,
          "repository: %d tables on the base branch, %d new migrations with down scripts in %s%n",
          BASE_TABLES,
          migrations,
          repo);
      out.flush();
      Map<String, Setting> flags = new HashMap<>();
      flags.put(ConfigKeys.GATES, new Setting("rollback,data", "bench"));
      flags.put(ConfigKeys.BASE, new Setting("main", "bench"));
      flags.put(ConfigKeys.REPORT_DIR, new Setting(repo.resolve("report").toString(), "bench"));
      Config config = ConfigResolver.resolve(repo, null, env, flags);
      long started = System.nanoTime();
      CheckService.Outcome outcome =
          new CheckService(GateRunner.standard(), List.of()).run(config, Progress.SILENT);
      double seconds = (System.nanoTime() - started) / 1e9;
      for (GateResult gate : outcome.report().gates()) {
        if (gate.status() != GateStatus.SKIP || gate.findings().size() > 0) {
          out.printf(
              Locale.ROOT,
              "%s gate: %s, %s; %d findings; %.1f s%n",
              gate.id().id(),
              gate.status(),
              gate.summary(),
              gate.findings().size(),
              gate.durationMs() / 1000.0);
        }
      }
      out.printf(
          Locale.ROOT,
          "whole check %.1f s (database start included; goal for the rollback gate: under 30 s"
              + " for 50 migrations on 2 cores)%n",
          seconds);
    } finally {
      TreeDeletion.delete(repo);
    }
  }

  /** The {@code i}-th migration, up and down: one of four kinds of change, on table i. */
  private static String[] change(int i) {
    String t = "t" + (1 + (i - 1) % BASE_TABLES);
    return switch (i % 4) {
      case 1 ->
          new String[] {
            "ALTER TABLE " + t + " ADD COLUMN extra_" + i + " text DEFAULT 'x';\n",
            "ALTER TABLE " + t + " DROP COLUMN extra_" + i + ";\n"
          };
      case 2 ->
          new String[] {
            "CREATE INDEX " + t + "_amount_" + i + " ON " + t + " (amount);\n",
            "DROP INDEX " + t + "_amount_" + i + ";\n"
          };
      case 3 ->
          new String[] {
            "ALTER TABLE "
                + t
                + " ADD CONSTRAINT "
                + t
                + "_positive_"
                + i
                + " CHECK (amount >= 0);\n",
            "ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_positive_" + i + ";\n"
          };
      default ->
          new String[] {
            "CREATE TABLE side_"
                + i
                + " (id bigint PRIMARY KEY, "
                + t
                + "_id bigint REFERENCES "
                + t
                + " (id), note text);\n",
            "DROP TABLE side_" + i + ";\n"
          };
    };
  }
}

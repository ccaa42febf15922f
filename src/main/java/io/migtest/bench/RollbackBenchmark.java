package io.migtest.bench;

import io.migtest.fs.TreeDeletion;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      BenchRepository repository = new BenchRepository(repo, env);
      repository.commitBase();
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
      BenchRepository.Timed check = repository.check("rollback,data");
      for (GateResult gate : check.outcome().report().gates()) {
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
          check.seconds());
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

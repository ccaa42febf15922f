package io.migtest.bench;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.DatabaseServer;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.LaunchMode;
import io.migtest.db.ScratchDatabase;
import io.migtest.gate.ApplyGate;
import io.migtest.gate.DatabaseAccess;
import io.migtest.gate.GateContext;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import io.migtest.gate.Progress;
import io.migtest.lint.RuleSettings;
import io.migtest.migration.MigrationComparison;
import io.migtest.sql.ParsedScripts;
import io.migtest.sql.SqlScript;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Applies a generated history through migtest's apply path (read, split, parse ahead, run each
 * script as its tool would) and through the floor (one JDBC execute per file's text, no parsing),
 * on the same server, and prints both times and their ratio.
 */
public final class ApplyBenchmark {
  private final int migrations;
  private final int rounds;
  private final LaunchMode mode;
  private final Map<String, String> env;

  public ApplyBenchmark(int migrations, int rounds, LaunchMode mode, Map<String, String> env) {
    this.env = env;
    this.migrations = migrations;
    this.rounds = rounds;
    this.mode = mode;
  }

  public void run(PrintWriter out) throws IOException, java.sql.SQLException {
    Path project = Files.createTempDirectory("migtest-bench-");
    Path dir = project.resolve("db/migrations");
    int statements = HistoryGenerator.write(dir, migrations);
    out.printf(
        Locale.ROOT, "history: %d migrations, %d statements in %s%n", migrations, statements, dir);
    long started = System.nanoTime();
    try (DatabaseServer server = new EmbeddedProvider(env, mode).start()) {
      out.printf(Locale.ROOT, "embedded start: %.2f s%n", (System.nanoTime() - started) / 1e9);
      double bestMigtest = Double.MAX_VALUE;
      double bestFloor = Double.MAX_VALUE;
      for (int round = 1; round <= rounds; round++) {
        double floor = floor(server, dir);
        double migtest = migtest(server, project);
        bestFloor = Math.min(bestFloor, floor);
        bestMigtest = Math.min(bestMigtest, migtest);
        out.printf(
            Locale.ROOT,
            "round %d: migtest %.2f s, floor %.2f s, ratio %.2f%n",
            round,
            migtest,
            floor,
            migtest / floor);
      }
      out.printf(
          Locale.ROOT,
          "best: migtest %.2f s, floor %.2f s, ratio %.2f (goal <= 1.20)%n",
          bestMigtest,
          bestFloor,
          bestMigtest / bestFloor);
    } finally {
      try (Stream<Path> files = Files.walk(project)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** migtest's own path, from reading files to the last statement, as {@code check} runs it. */
  private static double migtest(DatabaseServer server, Path project) {
    long started = System.nanoTime();
    Config config = ConfigResolver.resolve(project, null, Map.of(), Map.of());
    MigrationComparison migrations = ProjectLoader.load(config);
    List<SqlScript> scripts = migrations.head().migrations().stream().map(m -> m.up()).toList();
    ParsedScripts parsed =
        ParsedScripts.start(
            scripts,
            Map.of(),
            Duration.ofSeconds(2),
            Runtime.getRuntime().availableProcessors() - 1,
            false);
    GateResult result;
    try (GateContext context =
        GateContext.of(
            config.gates(),
            migrations,
            DatabaseAccess.of(server, config.timeouts()),
            List.of(),
            List.of(),
            new GateContext.LintInput(parsed, RuleSettings.DEFAULTS),
            Progress.SILENT)) {
      result = new ApplyGate().run(context);
    }
    if (result.status() != GateStatus.PASS) {
      throw new IllegalStateException("generated history did not apply: " + result.findings());
    }
    parsed.outcomes();
    parsed.close();
    return (System.nanoTime() - started) / 1e9;
  }

  /** One pgjdbc execute of each file's whole text, with the driver's defaults. */
  private static double floor(DatabaseServer server, Path dir)
      throws IOException, java.sql.SQLException {
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted((a, b) -> Integer.compare(number(a), number(b))).toList();
    }
    long started = System.nanoTime();
    try (ScratchDatabase db = server.createScratch("floor")) {
      Properties props = new Properties();
      props.setProperty("user", server.endpoint().user());
      if (server.endpoint().password() != null) {
        props.setProperty("password", server.endpoint().password());
      }
      try (Connection c =
          DriverManager.getConnection(server.endpoint().jdbcUrl(db.name()), props)) {
        for (Path file : files) {
          c.createStatement().execute(Files.readString(file));
        }
      }
    }
    return (System.nanoTime() - started) / 1e9;
  }

  private static int number(Path file) {
    String name = file.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.indexOf("__")));
  }
}

package io.migtest.cli;

import io.migtest.bench.ApplyBenchmark;
import io.migtest.bench.LintBenchmark;
import io.migtest.bench.MutateBenchmark;
import io.migtest.bench.PerformanceBenchmark;
import io.migtest.bench.RollbackBenchmark;
import io.migtest.bench.SnapshotBenchmark;
import io.migtest.bench.StartBenchmark;
import io.migtest.db.LaunchMode;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest bench}: hidden benchmarks that print figures (not part of the product). */
@Command(
    name = "bench",
    hidden = true,
    mixinStandardHelpOptions = true,
    description = {
      "Benchmarks that print figures:",
      "  apply     generate a history and apply it through migtest and through the",
      "            floor (one JDBC execute per file, no parsing); prints both times",
      "            and the ratio",
      "  start     start and stop the embedded PostgreSQL a few times; prints cold",
      "            and warm times",
      "  lint      generate a corpus of migration files and run migtest lint on it",
      "            in a new JVM (empty and warm parse cache), and squawk when it is",
      "            on the PATH; prints the ratio",
      "  performance  run the performance gate on a generated pull request of",
      "            --migrations new migrations (default here: 20) over ten seeded",
      "            tables; prints the time",
      "  rollback  run the rollback and data gates on a generated pull request of",
      "            --migrations new migrations with down scripts (default here: 50);",
      "            prints each gate's time",
      "  snapshot  snapshot a generated schema of --tables tables (default: 300)",
      "            --rounds times; prints the median time",
      "  mutate    run the mutation gate on a generated project of --migrations",
      "            migrations (default here: 20, about 300 mutants) and a naive",
      "            runner on --naive-sample of its mutants; prints mutants per second",
      "            of both, the ratio and the heap peak"
    })
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "WHAT",
      description = "apply, start, lint, performance, rollback, snapshot or mutate")
  String what;

  @Option(
      names = "--migrations",
      description =
          "Migrations to generate (default: 500 for apply, 20 for performance and mutate,"
              + " 50 for rollback).")
  Integer migrations;

  @Option(names = "--files", description = "Migration files to generate for lint (default: 2000).")
  int files = 2000;

  @Option(names = "--tables", description = "Tables to generate for snapshot (default: 300).")
  int tables = 300;

  @Option(
      names = "--naive-sample",
      description = "Mutants the naive runner runs for mutate (default: 30).")
  int naiveSample = 30;

  @Option(names = "--rounds", description = "Times to repeat each measurement (default: 3).")
  int rounds = 3;

  @Option(
      names = "--launch-mode",
      description = "Force the embedded launch mode: DIRECT or SETPRIV.")
  LaunchMode launchMode;

  @Override
  public Integer call() throws Exception {
    Map<String, String> env = System.getenv();
    PrintWriter out = spec.commandLine().getOut();
    switch (what) {
      case "apply" ->
          new ApplyBenchmark(migrations == null ? 500 : migrations, rounds, launchMode, env)
              .run(out);
      case "performance" ->
          new PerformanceBenchmark(migrations == null ? 20 : migrations, env).run(out);
      case "start" -> new StartBenchmark(rounds, launchMode, env).run(out);
      case "lint" -> new LintBenchmark(files, env).run(out);
      case "rollback" -> new RollbackBenchmark(migrations == null ? 50 : migrations, env).run(out);
      case "snapshot" -> new SnapshotBenchmark(tables, rounds, launchMode, env).run(out);
      case "mutate" ->
          new MutateBenchmark(migrations == null ? 20 : migrations, naiveSample, launchMode, env)
              .run(out);
      default ->
          throw io.migtest.MigtestException.usage(
              "bench takes apply, start, lint, performance, rollback, snapshot or mutate, not "
                  + what);
    }
    return 0;
  }
}

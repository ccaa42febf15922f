package io.migtest.bench;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.db.DatabaseServer;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.LaunchMode;
import io.migtest.db.ScratchDatabase;
import io.migtest.fs.TreeDeletion;
import io.migtest.gate.DatabaseAccess;
import io.migtest.gate.GateContext;
import io.migtest.gate.GateResult;
import io.migtest.gate.MutationGate;
import io.migtest.gate.Progress;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.mutation.Mutant;
import io.migtest.mutation.MutantGenerator;
import io.migtest.mutation.MutatedScript;
import io.migtest.mutation.Part;
import io.migtest.mutation.operators.Operators;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.SqlTests;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the mutation gate on a generated project (tables with keys, checks, defaults and foreign
 * keys, backfills, indexes, down scripts, and SQL tests that kill part of the mutants) against a
 * naive runner that builds a fresh database and replays the whole history for every mutant, on the
 * same server; prints mutants per second of both, their ratio, and the heap the gate peaked at.
 */
public final class MutateBenchmark {
  private final int migrations;
  private final int naiveSample;
  private final LaunchMode mode;
  private final Map<String, String> env;

  public MutateBenchmark(
      int migrations, int naiveSample, LaunchMode mode, Map<String, String> env) {
    this.migrations = migrations;
    this.naiveSample = naiveSample;
    this.mode = mode;
    this.env = env;
  }

  public void run(PrintWriter out) throws Exception {
    Path project = Files.createTempDirectory("migtest-bench-mutate-");
    try (DatabaseServer server = new EmbeddedProvider(env, mode).start()) {
      write(project);
      Map<String, Setting> flags = new HashMap<>();
      flags.put(ConfigKeys.GATES, new Setting("mutation", "bench"));
      Config config = ConfigResolver.resolve(project, null, env, flags);
      List<Oracle> tests = List.of(tests(project));
      try (GateContext context =
          GateContext.of(
              config.gates(),
              ProjectLoader.load(config),
              DatabaseAccess.of(server, config.timeouts()),
              List.of(),
              tests,
              null,
              Progress.SILENT)) {
        resetPeaks();
        long started = System.nanoTime();
        GateResult gate = new MutationGate().run(context);
        double seconds = (System.nanoTime() - started) / 1e9;
        long heap = peakHeap();
        int mutants = gate.mutation() == null ? 0 : gate.mutation().mutants().size();
        double rate = mutants / seconds;
        out.printf(
            Locale.ROOT,
            "project: %d migrations with down scripts, %d mutants; %s%n",
            migrations,
            mutants,
            gate.summary());
        out.printf(
            Locale.ROOT,
            "migtest: %.1f s, %.1f mutants/s (%d workers), heap peak %d MB%n",
            seconds,
            rate,
            config.gates().mutation().workers(),
            heap / (1024 * 1024));
        out.flush();
        double naive = naive(context, tests);
        out.printf(
            Locale.ROOT,
            "naive runner (a fresh database and the whole history per mutant, %d up-script"
                + " mutants): %.2f mutants/s%n",
            naiveSample,
            naive);
        out.printf(
            Locale.ROOT,
            "ratio: %.1fx (goals on 2 cores: at least 10x the naive runner, 20 mutants/s, heap"
                + " under 512 MB)%n",
            rate / naive);
      }
    } finally {
      TreeDeletion.delete(project);
    }
  }

  /** Mutants per second of the naive runner over the first up-script mutants. */
  private double naive(GateContext context, List<Oracle> tests) throws Exception {
    List<Migration> fresh = context.migrations().toCheck();
    List<Mutant> sample =
        new MutantGenerator(Operators.ALL, o -> true)
            .generate(fresh).stream().filter(m -> m.part() == Part.UP).limit(naiveSample).toList();
    HistoryApplier history = context.history();
    long started = System.nanoTime();
    for (Mutant mutant : sample) {
      List<Migration> all = new ArrayList<>(fresh);
      Migration original = all.get(mutant.migration());
      all.set(
          mutant.migration(),
          original.withUp(MutatedScript.of(original.up(), mutant.statement(), mutant.mutated())));
      HistoryApplier.State state = history.empty("naive");
      try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
        if (history.migrate(db, all, Callbacks.NONE, m -> {}).failure().isEmpty()) {
          for (Oracle oracle : tests) {
            oracle.judge(db, context.database().runner());
          }
        }
      }
    }
    return sample.size() / ((System.nanoTime() - started) / 1e9);
  }

  private void write(Path project) throws IOException {
    Path dir = Files.createDirectories(project.resolve("migrations"));
    StringBuilder test = new StringBuilder();
    for (int i = 1; i <= migrations; i++) {
      String t = "t" + i;
      String parent = i == 1 ? "" : ", parent_id bigint REFERENCES t" + (i - 1) + " (id)";
      String up =
          "CREATE TABLE "
              + t
              + " (id bigint PRIMARY KEY, name text NOT NULL, amount integer NOT NULL DEFAULT 0"
              + " CHECK (amount >= 0)"
              + parent
              + ");\nCREATE INDEX "
              + t
              + "_name ON "
              + t
              + " (name);\nUPDATE "
              + t
              + " SET amount = 0 WHERE amount > 10;\n";
      Files.writeString(dir.resolve(i + "_" + t + ".up.sql"), up);
      Files.writeString(dir.resolve(i + "_" + t + ".down.sql"), "DROP TABLE " + t + ";\n");
      test.append("-- migtest:expect-error 23502\nINSERT INTO ")
          .append(t)
          .append(" (id, name) VALUES (1, NULL);\n")
          .append("-- migtest:expect-error 23514\nINSERT INTO ")
          .append(t)
          .append(" (id, name, amount) VALUES (1, 'n', -1);\n");
    }
    Files.createDirectories(project.resolve("db/tests"));
    Files.writeString(project.resolve("db/tests/constraints.sql"), test.toString());
  }

  private static SqlTests tests(Path project) throws IOException {
    return new SqlTests(
        List.of(
            SqlScript.of(
                "db/tests/constraints.sql",
                Files.readString(project.resolve("db/tests/constraints.sql")),
                TransactionMode.AUTOCOMMIT)));
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }
}

package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.db.ScriptRunner;
import io.migtest.db.Timeouts;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Mutant;
import io.migtest.mutation.MutantGenerator;
import io.migtest.mutation.MutantResult;
import io.migtest.mutation.MutantStatus;
import io.migtest.mutation.MutationEngine;
import io.migtest.mutation.MutationScore;
import io.migtest.mutation.MutationState;
import io.migtest.mutation.RunOrder;
import io.migtest.mutation.TestContents;
import io.migtest.mutation.operators.Operators;
import io.migtest.oracle.TestResult;
import io.migtest.sql.SqlScript;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The mutation gate: mutants of the new migrations run against the project's tests (and, for down
 * scripts, migtest's rollback and data checks); the score, (KILLED + TIMEOUT) over the counted
 * mutants, must reach the threshold. Without tests of the migrations there is nothing to score, and
 * the gate is skipped; a suite that fails without any mutant is an error, since no verdict could
 * then be trusted.
 */
public final class MutationGate implements Gate {
  /** A mutant may take this much longer than the original (PIT's factor), plus a constant. */
  private static final double BUDGET_FACTOR = 1.25;

  private static final Duration BUDGET_CONSTANT = Duration.ofSeconds(4);

  @Override
  public GateId id() {
    return GateId.MUTATION;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MutationSettings settings = context.plan().mutation();
    MigrationComparison migrations = context.migrations();
    List<Migration> fresh = migrations.toCheck();
    if (fresh.isEmpty()) {
      return result(context, started, GateStatus.SKIP, "no new migrations to mutate", List.of());
    }
    boolean verifiedOnDeploy = fresh.stream().anyMatch(m -> m.verify() != null);
    if (context.oracles().isEmpty() && !verifiedOnDeploy) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "no tests of the migrations to kill mutants (SQL tests in db/tests, pgTAP, Sqitch"
              + " verify scripts or --test-command)",
          List.of());
    }
    List<Mutant> all = new MutantGenerator(Operators.ALL, settings::enabled).generate(fresh);
    List<Mutant> mutants = all.stream().filter(m -> settings.inShard(m.id())).toList();
    if (all.isEmpty()) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "no statement of the new migrations has a place an operator changes",
          List.of());
    }
    if (mutants.isEmpty()) {
      // A shard the run's mutants all missed: its report still says which shard it was.
      return judged(
          context, started, settings, all, List.of(), List.of(), shardNote(settings, mutants, all));
    }
    MutationEngine.Setup setup =
        new MutationEngine.Setup(
            context.database().server(),
            context.history(),
            context.database().runner(),
            migrations.baseMigrations(),
            fresh,
            migrations.head().callbacks(),
            context.oracles(),
            context.historyTables());
    Optional<MutationEngine.Baseline> baseline;
    try {
      context.progress().step("mutation: running the tests on the original migrations");
      try (MutationEngine original = new MutationEngine(setup)) {
        baseline = original.baseline();
      }
    } catch (SQLException e) {
      throw MigtestException.environment(
          "The mutation gate lost its database connection: " + e.getMessage(), e);
    }
    if (baseline.isEmpty()) {
      return result(
          context, started, GateStatus.SKIP, "not run: the migrations do not apply", List.of());
    }
    if (!baseline.get().failing().isEmpty()) {
      return result(
          context,
          started,
          GateStatus.FAIL,
          "not run: the tests fail without any mutant",
          List.of(baselineFails(baseline.get().failing())));
    }
    Timeouts run = context.database().runner().timeouts();
    Duration budget =
        min(
            Duration.ofMillis((long) (baseline.get().millis() * BUDGET_FACTOR))
                .plus(BUDGET_CONSTANT),
            run.statementTimeout());
    ScriptRunner limited =
        context.database().runner().limitedTo(new Timeouts(budget, min(budget, run.lockTimeout())));
    int parallel =
        RollbackWorkers.serverWide(fresh, migrations.head().callbacks()).isPresent()
            ? 1
            : settings.workers();
    List<MutantResult> results;
    List<Finding> warnings = new ArrayList<>();
    String reusedNote;
    try (MutationEngine engine = new MutationEngine(setup.withRunner(limited))) {
      engine.expect(mutants);
      KeptMutants kept = kept(context, settings, engine, all, warnings);
      try {
        results = run(context, engine, kept, baseline.get(), mutants, parallel);
      } finally {
        kept.flush();
      }
      reusedNote =
          kept.reused() == 0
              ? ""
              : "; "
                  + kept.reused()
                  + " of "
                  + Plural.of(mutants.size(), "result")
                  + " reused from "
                  + settings.stateFile().name();
    }
    return judged(
        context,
        started,
        settings,
        all,
        results,
        warnings,
        reusedNote + shardNote(settings, mutants, all) + unparsedNote(context, fresh));
  }

  /**
   * The results kept by earlier runs (none when the state file is off, or discarded with a
   * warning), narrowed to the mutants the migrations still have.
   */
  private static KeptMutants kept(
      GateContext context,
      MutationSettings settings,
      MutationEngine engine,
      List<Mutant> all,
      List<Finding> warnings) {
    TestContents tests = TestContents.of(context.oracles(), context.migrations().toCheck());
    MutationStateFile file = settings.stateFile();
    if (file == null) {
      return new KeptMutants(MutationState.empty(), null, engine, tests);
    }
    MutationStateFile.Loaded loaded = file.load();
    if (loaded.discarded() != null) {
      context.progress().step("warning: " + loaded.discarded());
      warnings.add(
          new Finding(
              RuleId.MUTATION_STATE_DISCARDED,
              Severity.WARNING,
              file.name(),
              0,
              loaded.discarded(),
              null));
    }
    loaded.state().retainOnly(all.stream().map(Mutant::id).collect(Collectors.toSet()));
    return new KeptMutants(loaded.state(), file, engine, tests);
  }

  /**
   * For the summary: the statements of the new migrations JSqlParser cannot parse (psql variables,
   * syntax it lacks), which only text-level operators can mutate, so that a score over the rest
   * does not pass for the whole.
   */
  private static String unparsedNote(GateContext context, List<Migration> fresh) {
    if (context.lint() == null) {
      return "";
    }
    long unparsed =
        fresh.stream()
            .flatMap(m -> Stream.of(m.up(), m.down()))
            .filter(Objects::nonNull)
            .flatMap(script -> script.split().statements().stream())
            .filter(statement -> !context.lint().parsed().outcome(statement).parsed())
            .count();
    return unparsed == 0
        ? ""
        : "; "
            + Plural.of(unparsed, "statement")
            + " JSqlParser cannot parse got text-level operators only (see report.json's"
            + " unparsedStatements)";
  }

  /** For the summary of a sharded run: which slice, and how much of the whole it is. */
  private static String shardNote(MutationSettings settings, List<Mutant> mine, List<Mutant> all) {
    return settings.shardCount() == 1
        ? ""
        : "; shard "
            + settings.shardIndex()
            + "/"
            + settings.shardCount()
            + ": "
            + mine.size()
            + " of "
            + Plural.of(all.size(), "mutant");
  }

  /**
   * The gate's result for {@code results}, the mutants of this run (of this shard's, when sharded,
   * out of {@code all}).
   */
  private GateResult judged(
      GateContext context,
      long started,
      MutationSettings settings,
      List<Mutant> all,
      List<MutantResult> results,
      List<Finding> warnings,
      String note) {
    MutationScore score = MutationScore.of(results);
    List<Finding> findings = new ArrayList<>(warnings);
    for (MutantResult result : results) {
      if (result.status() == MutantStatus.SURVIVED || result.status() == MutantStatus.NO_COVERAGE) {
        findings.add(survivor(result, settings));
      }
    }
    int errors = score.count(MutantStatus.ERROR);
    if (errors > 0) {
      findings.add(
          new Finding(
              RuleId.MUTANT_ERROR,
              Severity.WARNING,
              null,
              0,
              Plural.of(errors, "mutant")
                  + " could not be run by migtest (a lost connection, a state that did not"
                  + " build); they are left out of the score. Details in report.json.",
              null));
    }
    Verdict verdict = verdict(score, settings.threshold(), findings, reprintNote(results) + note);
    return new GateResult(
        id(),
        verdict.status(),
        context.mode(id()),
        (System.nanoTime() - started) / 1_000_000,
        verdict.summary(),
        verdict.findings(),
        List.of(),
        null,
        MutationOutcome.of(
            score,
            settings.threshold(),
            results,
            settings.shardCount() == 1
                ? null
                : MutationOutcome.Shard.of(
                    settings.shardIndex(),
                    settings.shardCount(),
                    all.stream().map(Mutant::id).toList()),
            sources(context)));
  }

  /**
   * The text of each file a new migration's scripts come from, each script at its own lines (a
   * dbmate file holds the up and the down section).
   */
  private static Map<String, String> sources(GateContext context) {
    Map<String, List<String>> lines = new TreeMap<>();
    for (Migration migration : context.migrations().toCheck()) {
      for (SqlScript script : java.util.Arrays.asList(migration.up(), migration.down())) {
        if (script == null) {
          continue;
        }
        List<String> file = lines.computeIfAbsent(script.file(), f -> new ArrayList<>());
        String[] text = script.text().split("\n", -1);
        for (int i = 0; i < text.length; i++) {
          int at = script.firstLine() - 1 + i;
          while (file.size() <= at) {
            file.add("");
          }
          file.set(at, text[i]);
        }
      }
    }
    Map<String, String> sources = new TreeMap<>();
    lines.forEach((file, text) -> sources.put(file, String.join("\n", text)));
    return sources;
  }

  /** The gate's status, summary and findings for a score. */
  public record Verdict(GateStatus status, String summary, List<Finding> findings) {}

  /**
   * What a score means against {@code threshold}: SKIP without counted mutants, else the findings
   * (the survivors and warnings in {@code findings}, plus {@code mutation-score-below-threshold}
   * under the threshold) decide. A run and a merge of shard reports decide the same way.
   *
   * @param note what the summary adds after the counts (a shard, mutants not mutated)
   */
  public static Verdict verdict(
      MutationScore score, double threshold, List<Finding> findings, String note) {
    if (score.score() == null) {
      String counts = counts(score);
      return new Verdict(
          GateStatus.SKIP,
          "no valid mutants" + (counts.isEmpty() ? "" : " (" + counts + ")") + note,
          findings);
    }
    List<Finding> all = new ArrayList<>(findings);
    if (score.score() < threshold) {
      all.add(
          Finding.error(
              RuleId.MUTATION_SCORE_BELOW_THRESHOLD,
              null,
              0,
              String.format(
                  Locale.ROOT,
                  "Mutation score %.1f%% is below the threshold of %.1f%%: the tests let %s"
                      + " through. Each survivor below names the test that would kill it.",
                  score.score(),
                  threshold,
                  Plural.of(
                      score.count(MutantStatus.SURVIVED) + score.count(MutantStatus.NO_COVERAGE),
                      "mutant"))));
    }
    String summary =
        String.format(
                Locale.ROOT,
                "score %.1f%% (threshold %.0f%%), %.1f%% from your tests; %s",
                score.score(),
                threshold,
                score.fromTests(),
                counts(score))
            + note;
    return new Verdict(GateResult.statusOf(all), summary, all);
  }

  private static Finding survivor(MutantResult result, MutationSettings settings) {
    Mutant mutant = result.mutant();
    boolean critical = mutant.operator().impact() == Impact.CRITICAL;
    Severity severity = settings.failOnCritical() && critical ? Severity.ERROR : Severity.INFO;
    String what = result.status() == MutantStatus.NO_COVERAGE ? "not covered" : "survived";
    return new Finding(
        RuleId.MUTANT_SURVIVED,
        severity,
        mutant.file(),
        mutant.line(),
        mutant.operator().id()
            + " ("
            + mutant.operator().impact()
            + ") "
            + what
            + ": "
            + mutant.mutation().change()
            + ". "
            + result.detail()
            + ". A test that kills it: "
            + mutant.operator().killedBy()
            + ".",
        null);
  }

  private static Finding baselineFails(List<TestResult> failing) {
    TestResult first = failing.get(0);
    return Finding.error(
        RuleId.MUTATION_BASELINE_FAILS,
        first.name(),
        first.failures().isEmpty() ? 0 : first.failures().get(0).line(),
        "The tests fail on the original migrations ("
            + failing.stream().map(TestResult::name).collect(Collectors.joining(", "))
            + "; the first: "
            + MutationEngine.verdict(first)
            + "), so no mutant can be judged: a mutant is killed when a verdict changes. Fix the"
            + " tests first (the apply gate shows how each fails).");
  }

  private static List<MutantResult> run(
      GateContext context,
      MutationEngine engine,
      KeptMutants kept,
      MutationEngine.Baseline baseline,
      List<Mutant> mutants,
      int parallel) {
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try (Progress.Task task = context.progress().task("mutation", mutants.size())) {
      Map<Integer, Future<MutantResult>> running = new HashMap<>();
      for (int position : RunOrder.of(mutants)) {
        Mutant mutant = mutants.get(position);
        running.put(
            position,
            pool.submit(
                () -> {
                  Optional<MutantResult> known = kept.reuse(mutant);
                  MutantResult result = known.orElseGet(() -> engine.run(mutant, baseline));
                  if (known.isEmpty()) {
                    kept.record(result);
                  }
                  task.advance(mutant.file());
                  return result;
                }));
      }
      List<MutantResult> results = new ArrayList<>();
      for (int position = 0; position < mutants.size(); position++) {
        results.add(running.get(position).get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw MigtestException.environment("The mutation gate failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigtestException.environment("The mutation gate was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** How many invalid mutants the re-print guard refused, when it refused any. */
  private static String reprintNote(List<MutantResult> results) {
    long refused =
        results.stream()
            .filter(
                r -> r.detail() != null && r.detail().startsWith(MutationEngine.REPRINT_DIFFERS))
            .count();
    return refused == 0 ? "" : " (" + refused + " " + MutationEngine.REPRINT_DIFFERS + ")";
  }

  private static String counts(MutationScore score) {
    List<String> parts = new ArrayList<>();
    for (MutantStatus status : MutantStatus.values()) {
      int n = score.count(status);
      if (n > 0) {
        parts.add(n + " " + status.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    return String.join(", ", parts);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}

package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.fs.ProjectBoundary;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.perf.Baseline;
import io.migtest.perf.MigrationPerformance;
import io.migtest.perf.PerformanceChecks;
import io.migtest.perf.PerformanceMeter;
import io.migtest.perf.PerformanceResults;
import io.migtest.seed.SeedSize;
import io.migtest.seed.Seeder;
import io.migtest.seed.TableFill;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The performance gate: the base branch's state is seeded ({@code performance.scale} rows per
 * table), then each new migration runs on a fresh clone of the state before it, {@code
 * performance.repeats} times, measured by {@link PerformanceMeter}, and is judged against the
 * committed baseline by {@link PerformanceChecks}. With {@code performance.update-baseline} it
 * writes the baseline instead.
 */
public final class PerformanceGate implements Gate {
  /** The seeded state, the state before a migration, and the clone it runs on exist at once. */
  private static final int COPIES = 3;

  @Override
  public GateId id() {
    return GateId.PERFORMANCE;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MigrationComparison migrations = context.migrations();
    PerformanceSettings settings = context.plan().performance();
    if (migrations.base() == null) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "not measured: new migrations are measured on the base branch's state, and no base"
              + " was given (--base)",
          List.of());
    }
    List<Migration> fresh = migrations.toApplyOnBase();
    if (fresh.isEmpty()) {
      return result(context, started, GateStatus.SKIP, "no new migrations to measure", List.of());
    }
    Path baselineFile = settings.baseline();
    // Read, and written by `migtest baseline update`, as root: never through a committed link.
    ProjectBoundary.refuseLinksOut(
        baselineFile, List.of(settings.project()), "performance baseline");
    Optional<Baseline> baseline = Baseline.read(baselineFile, settings.baselineName());
    if (!settings.updateBaseline()
        && baseline.isPresent()
        && baseline.get().scale() != settings.scale()) {
      throw MigtestException.usage(
          "The performance baseline "
              + settings.baselineName()
              + " was measured with "
              + baseline.get().scale()
              + " rows per table, and this run seeds "
              + settings.scale()
              + " (performance.scale): times and WAL at other scales cannot be compared. Run at "
              + baseline.get().scale()
              + " rows, or write the baseline at "
              + settings.scale()
              + " with `migtest baseline update` and commit it.");
    }
    MigrationHistory base = migrations.base();
    HistoryApplier.State state =
        context.history().after(base.migrations(), base.callbacks(), "perf");
    if (state instanceof HistoryApplier.Failed) {
      return result(
          context,
          started,
          GateStatus.SKIP,
          "not measured: the base branch does not apply (see the apply gate)",
          List.of());
    }
    List<Finding> findings = new ArrayList<>();
    ScratchDatabase current = ((HistoryApplier.Ready) state).database();
    List<MigrationPerformance> measured = new ArrayList<>();
    List<TableFill> fills;
    try {
      fills = seed(context, current, settings.scale());
      for (TableFill fill : fills) {
        if (!fill.complete()) {
          findings.add(SeedIncomplete.of(fill, context, "Its figures come from fewer rows."));
        }
      }
      PerformanceChecks checks =
          new PerformanceChecks(
              settings.thresholdPercent(),
              settings.noiseFloor().toMillis(),
              settings.largeTableRows());
      PerformanceMeter meter = new PerformanceMeter(context.historyTables());
      Callbacks callbacks = migrations.head().callbacks();
      try (Progress.Task task = context.progress().task("performance", fresh.size())) {
        for (Migration migration : fresh) {
          Measurement outcome = measure(context, meter, current, migration, callbacks, settings);
          if (outcome.failure() != null) {
            findings.add(onSeededData(outcome.failure(), settings.scale()));
            break;
          }
          current.close();
          current = outcome.after();
          MigrationPerformance result =
              outcome
                  .performance()
                  .against(baseline.map(b -> b.migrations().get(migration.file())).orElse(null));
          if (!settings.updateBaseline()) {
            findings.addAll(checks.check(result));
          }
          measured.add(result);
          task.advance(migration.file());
        }
      }
    } catch (SQLException e) {
      throw MigtestException.environment(
          "The performance gate lost its database connection: " + e.getMessage(), e);
    } finally {
      current.close();
    }
    String summary = summary(measured, fresh.size(), settings, baseline.isPresent());
    if (settings.updateBaseline() && measured.size() == fresh.size()) {
      writeBaseline(baseline, measured, settings, migrations, baselineFile);
      summary += "; baseline written to " + settings.baselineName();
    }
    PerformanceResults results =
        new PerformanceResults(
            settings.scale(),
            settings.repeats(),
            settings.baselineName(),
            baseline.isPresent(),
            fills,
            measured);
    return new GateResult(
        id(),
        GateResult.statusOf(findings),
        context.mode(id()),
        (System.nanoTime() - started) / 1_000_000,
        summary,
        findings,
        List.of(),
        results);
  }

  /** One migration's repeats: its figures and the state after it, or why it failed. */
  private record Measurement(
      MigrationPerformance performance, ScratchDatabase after, Finding failure) {}

  /**
   * Runs {@code migration} {@code repeats} times, each on a new clone of {@code before}, and keeps
   * the last clone as the state after it.
   */
  private static Measurement measure(
      GateContext context,
      PerformanceMeter meter,
      ScratchDatabase before,
      Migration migration,
      Callbacks callbacks,
      PerformanceSettings settings)
      throws SQLException {
    List<PerformanceMeter.Result> samples = new ArrayList<>();
    ScratchDatabase clone = null;
    for (int repeat = 0; repeat < settings.repeats(); repeat++) {
      if (clone != null) {
        clone.close();
      }
      ScratchDatabase target = context.database().server().cloneOf(before, "perf");
      clone = target;
      PerformanceMeter.Result sample =
          meter.measure(
              target,
              probe ->
                  context
                      .history()
                      .migrate(target, List.of(migration), callbacks, m -> {}, probe)
                      .failure());
      if (sample instanceof PerformanceMeter.Failed failed) {
        clone.close();
        return new Measurement(null, null, failed.failure());
      }
      samples.add(sample);
    }
    return new Measurement(MigrationPerformance.of(migration.file(), samples), clone, null);
  }

  private static List<TableFill> seed(GateContext context, ScratchDatabase database, long scale)
      throws SQLException {
    context.progress().step("performance: seeding " + scale + " rows per table");
    try (Connection connection = database.connect()) {
      context.database().runner().prepare(connection);
      Optional<String> refusal = SeedSize.refusal(connection, scale, COPIES);
      if (refusal.isPresent()) {
        throw MigtestException.usage(refusal.get());
      }
      return new Seeder(connection, scale).seed(context.historyTables());
    }
  }

  private static Finding onSeededData(Finding failure, long scale) {
    return failure.restated(
        RuleId.FAILS_ON_SEEDED_DATA,
        Severity.ERROR,
        "The migration fails on the base branch's state with "
            + scale
            + " rows in each table, where production has data too: "
            + failure.message());
  }

  private static void writeBaseline(
      Optional<Baseline> previous,
      List<MigrationPerformance> measured,
      PerformanceSettings settings,
      MigrationComparison migrations,
      Path file) {
    List<String> files = migrations.head().migrations().stream().map(Migration::file).toList();
    Baseline updated =
        previous
            .orElse(new Baseline(Baseline.SCHEMA_VERSION, settings.scale(), java.util.Map.of()))
            .updatedWith(measured, settings.scale(), files);
    try {
      updated.write(file);
    } catch (IOException e) {
      throw MigtestException.environment(
          "Cannot write the performance baseline "
              + settings.baselineName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static String summary(
      List<MigrationPerformance> measured,
      int total,
      PerformanceSettings settings,
      boolean withBaseline) {
    return Plural.of(measured.size(), "migration")
        + (measured.size() < total ? " of " + total : "")
        + " measured on "
        + settings.scale()
        + " rows per table ("
        + Plural.of(settings.repeats(), "run")
        + " each), "
        + (withBaseline ? "against " + settings.baselineName() : "no baseline yet");
  }
}

package io.migtest.gate;

import io.migtest.Plural;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The apply gate: the whole history applies on an empty database and the tests pass on the result;
 * with a base branch, the pull request's new migrations apply on top of the base branch's state.
 */
public final class ApplyGate implements Gate {

  @Override
  public GateId id() {
    return GateId.APPLY;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MigrationComparison migrations = context.migrations();
    List<Finding> duplicates =
        migrations.head().problems().stream()
            .filter(f -> f.rule().equals(RuleId.DUPLICATE_VERSION))
            .toList();
    List<Finding> findings = new ArrayList<>(scriptNotes(migrations.head()));
    List<TestResult> tests = new ArrayList<>();
    String summary;
    if (!duplicates.isEmpty()) {
      // The lint gate reports them too; here they are why nothing was applied.
      findings.addAll(duplicates);
      summary = "not applied: duplicate versions make the order undefined";
    } else {
      MigrationHistory head = migrations.head();
      Outcome full =
          apply(context, "history", null, head.migrations(), head.callbacks(), context.oracles());
      full.failure().ifPresent(findings::add);
      findings.addAll(full.warnings());
      tests.addAll(full.tests());
      findings.addAll(TestFindings.of(tests));
      summary = full.describe("on an empty database");
      String schemaFile = context.plan().apply().schemaFile();
      if (schemaFile != null && full.failure().isEmpty()) {
        Optional<Finding> drift = SchemaDrift.check(context, head, context.plan().apply());
        drift.ifPresent(findings::add);
        summary +=
            drift.isEmpty() ? "; the schema equals " + schemaFile : "; drift from " + schemaFile;
      }
      if (migrations.base() != null && full.failure().isEmpty()) {
        Outcome onBase = onBase(context);
        onBase.failure().ifPresent(findings::add);
        onBase.warnings().stream().filter(w -> !findings.contains(w)).forEach(findings::add);
        summary += "; " + onBase.describe("on top of " + migrations.baseRef());
      }
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    return new GateResult(
        id(),
        GateResult.statusOf(findings),
        context.mode(id()),
        durationMs,
        summary,
        findings,
        tests);
  }

  /**
   * Not selected, while gates that run the migrations are: they stop quietly where a migration
   * fails, so the migrations are applied here (without the tests and the schema-file check) and a
   * failure is this gate's, which keeps a broken history from passing a run of those gates.
   */
  @Override
  public GateResult unselected(GateContext context) {
    GateResult skip = Gate.super.unselected(context);
    if (!context.plan().migrationsRunWithoutApply()) {
      return skip;
    }
    long started = System.nanoTime();
    context.progress().step("apply: not selected; checking that the migrations apply");
    MigrationComparison migrations = context.migrations();
    MigrationHistory head = migrations.head();
    Outcome full = apply(context, "history", null, head.migrations(), head.callbacks(), List.of());
    Outcome outcome =
        full.failure().isPresent() || migrations.base() == null ? full : onBase(context);
    if (outcome.failure().isEmpty()) {
      return skip;
    }
    return result(
        context,
        started,
        GateStatus.FAIL,
        skip.summary()
            + ", but the gates that run the migrations need them to apply: "
            + outcome.describe(
                outcome == full ? "on an empty database" : "on top of " + migrations.baseRef()),
        List.of(outcome.failure().get()));
  }

  /** The new migrations applied on top of the base branch's state, without tests. */
  private static Outcome onBase(GateContext context) {
    MigrationComparison migrations = context.migrations();
    return apply(
        context,
        "onbase",
        migrations.base(),
        migrations.toApplyOnBase(),
        migrations.head().callbacks(),
        List.of());
  }

  /**
   * How far applying got: how many migrations ran, the failure that stopped it, the scripts'
   * warnings on the way, and the tests' verdicts on the result.
   */
  private record Outcome(
      int applied,
      int total,
      long millis,
      Optional<Finding> failure,
      List<Finding> warnings,
      List<TestResult> tests) {
    static Outcome failed(int applied, int total, Finding failure, List<Finding> warnings) {
      return new Outcome(applied, total, 0, Optional.of(failure), warnings, List.of());
    }

    String describe(String where) {
      if (failure.isPresent()) {
        return "failed "
            + where
            + " at "
            + failure.get().location()
            + " after "
            + applied
            + " of "
            + Plural.of(total, "migration");
      }
      return Plural.of(total, "migration")
          + " applied "
          + where
          + " in "
          + millis
          + " ms"
          + verdict();
    }

    private String verdict() {
      if (tests.isEmpty()) {
        return "";
      }
      long failed = tests.stream().filter(TestResult::failed).count();
      long skipped = tests.stream().filter(t -> t.status() == TestStatus.SKIP).count();
      long passed = tests.size() - failed - skipped;
      return "; "
          + Plural.of(tests.size(), "test")
          + ": "
          + passed
          + " passed"
          + (failed == 0 ? "" : ", " + failed + " failed")
          + (skipped == 0 ? "" : ", " + skipped + " skipped");
    }
  }

  /**
   * Brings a database to the state one migrate of {@code base} leaves (the base branch, whose
   * failures are the base's; an empty database when null), runs one migrate of {@code migrations}
   * with {@code callbacks} (the head's) on it, then asks {@code oracles} for their verdict.
   */
  private static Outcome apply(
      GateContext context,
      String purpose,
      MigrationHistory base,
      List<Migration> migrations,
      Callbacks callbacks,
      List<Oracle> oracles) {
    HistoryApplier.State state =
        base == null
            ? context.history().empty(purpose)
            : context.history().after(base.migrations(), base.callbacks(), purpose);
    // Timed from the cloned state: starting the server and building templates is not applying.
    long started = System.nanoTime();
    if (state instanceof HistoryApplier.Failed failed) {
      Finding failure = base == null ? failed.failure() : baseFailure(failed.failure(), context);
      return Outcome.failed(0, migrations.size(), failure, List.of());
    }
    try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
      HistoryApplier.Migrated migrated;
      try (Progress.Task task =
          context.progress().task("apply (" + purpose + ")", migrations.size())) {
        migrated =
            context.history().migrate(db, migrations, callbacks, m -> task.advance(m.file()));
      }
      if (migrated.failure().isPresent()) {
        return Outcome.failed(
            migrated.applied(), migrations.size(), migrated.failure().get(), migrated.warnings());
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      List<TestResult> tests = new ArrayList<>();
      for (Oracle oracle : oracles) {
        context.progress().step("apply: running the tests on the migrated database");
        tests.addAll(oracle.judge(db, context.database().runner()));
      }
      return new Outcome(
          migrated.applied(),
          migrations.size(),
          millis,
          Optional.empty(),
          migrated.warnings(),
          tests);
    }
  }

  /**
   * Warnings and notes about single scripts, migrations and the callbacks a migrate runs (a Flyway
   * migration mixing transaction kinds, a psql command that is skipped, a callback migtest does not
   * run). Errors are reported when applying reaches their script.
   */
  private static List<Finding> scriptNotes(MigrationHistory history) {
    return Stream.concat(
            history.migrations().stream().map(Migration::up),
            history.callbacks().inMigrate().stream().map(Callbacks.Callback::script))
        .flatMap(script -> script.problems().stream())
        .filter(f -> f.severity() != Severity.ERROR)
        .toList();
  }

  private static Finding baseFailure(Finding failure, GateContext context) {
    return new Finding(
        RuleId.BASE_MIGRATION_FAILED,
        Severity.ERROR,
        failure.file(),
        failure.line(),
        "The base branch ("
            + context.migrations().baseRef()
            + ") does not apply, so the new migrations could not be tried on top of it: "
            + failure.message(),
        failure.sqlstate());
  }
}

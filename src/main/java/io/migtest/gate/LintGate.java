package io.migtest.gate;

import io.migtest.Plural;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.lint.BaseCatalog;
import io.migtest.lint.CatalogSnapshot;
import io.migtest.lint.HygieneCheck;
import io.migtest.lint.Linter;
import io.migtest.lint.rules.Rules;
import io.migtest.migration.MigrationHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lint gate: the hygiene of the migrations folder, then the rules over the pull request's new
 * migrations. When another gate of the run starts a database anyway, or {@code lint.database} asks
 * for it, the rules also read the base state's catalog (which tables exist, how large, column
 * types, function volatility); otherwise they go by the files and say so.
 */
public final class LintGate implements Gate {

  @Override
  public GateId id() {
    return GateId.LINT;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    List<Finding> findings = new ArrayList<>(HygieneCheck.check(context.migrations()));
    List<Finding> notes = new ArrayList<>();
    BaseCatalog catalog = catalog(context, notes);
    findings.addAll(
        new Linter(Rules.ALL, context.lint().rules())
            .lint(context.migrations(), context.lint().parsed(), catalog));
    findings.addAll(notes);
    long problems = findings.stream().filter(f -> f.severity() != Severity.INFO).count();
    int migrations = context.migrations().head().migrations().size();
    String summary =
        (problems == 0
                ? Plural.of(migrations, "migration") + ", no problems"
                : Plural.of(problems, "problem") + " in the migrations")
            + (catalog.known() ? "" : " (files only, no database)");
    return new GateResult(
        id(),
        GateResult.statusOf(findings),
        context.mode(id()),
        (System.nanoTime() - started) / 1_000_000,
        summary,
        findings);
  }

  /**
   * The base state's catalog when the run has a database for other gates: the state the base
   * branch's migrations leave (an empty database without a base branch), as the apply gate builds
   * it, so the template serves both.
   */
  private static BaseCatalog catalog(GateContext context, List<Finding> notes) {
    if (!context.plan().lintReadsDatabase()) {
      return BaseCatalog.NONE;
    }
    MigrationHistory base = context.migrations().base();
    HistoryApplier.State state =
        base == null
            ? context.history().empty("lint")
            : context.history().after(base.migrations(), base.callbacks(), "lint");
    if (!(state instanceof HistoryApplier.Ready ready)) {
      notes.add(
          Finding.info(
              RuleId.LINT_WITHOUT_CATALOG,
              null,
              0,
              "The base state could not be built (the apply gate says why); the rules went by"
                  + " the files alone."));
      return BaseCatalog.NONE;
    }
    try (ScratchDatabase db = ready.database();
        Connection c = db.connect()) {
      return CatalogSnapshot.read(c);
    } catch (SQLException e) {
      notes.add(
          Finding.info(
              RuleId.LINT_WITHOUT_CATALOG,
              null,
              0,
              "The base state's catalog could not be read ("
                  + e.getMessage()
                  + "); the rules went by the files alone."));
      return BaseCatalog.NONE;
    }
  }
}

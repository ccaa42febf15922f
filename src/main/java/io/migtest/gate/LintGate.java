package io.migtest.gate;

import io.migtest.Plural;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.lint.HygieneCheck;
import java.util.List;

/** The lint gate: static checks of the migrations, without a database. */
public final class LintGate implements Gate {

  @Override
  public GateId id() {
    return GateId.LINT;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    List<Finding> findings = HygieneCheck.check(context.migrations());
    long problems = findings.stream().filter(f -> f.severity() != Severity.INFO).count();
    int migrations = context.migrations().head().migrations().size();
    String summary =
        problems == 0
            ? Plural.of(migrations, "migration") + ", no problems"
            : Plural.of(problems, "problem") + " in the migrations folder";
    return new GateResult(
        id(),
        GateResult.statusOf(findings),
        context.mode(id()),
        (System.nanoTime() - started) / 1_000_000,
        summary,
        findings);
  }
}

package io.migtest.report;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import io.migtest.gate.MutationOutcome;
import io.migtest.mutation.MutantStatus;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import io.migtest.perf.ByteSize;
import io.migtest.perf.MigrationPerformance;
import io.migtest.perf.PerformanceResults;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders {@code report.md}: the verdict, the gates table, then each gate's findings. */
public final class MarkdownReport implements ReportRenderer {
  /** The hidden line that finds our pull-request comment again. */
  public static final String MARKER = "<!-- migtest-report -->";

  static final int MAX_FINDINGS_PER_GATE = 100;

  private final int maxFindingsPerGate;

  public MarkdownReport() {
    this(MAX_FINDINGS_PER_GATE);
  }

  /**
   * @param maxFindingsPerGate how many findings each gate lists, the worst first; the rest are
   *     counted and left to report.json (a shorter comment where GitHub limits the size)
   */
  public MarkdownReport(int maxFindingsPerGate) {
    this.maxFindingsPerGate = maxFindingsPerGate;
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public String render(RunReport report) {
    StringBuilder md = new StringBuilder();
    md.append(MARKER).append('\n');
    md.append("## migtest: ").append(verdict(report.result())).append("\n\n");
    if (report.error() != null) {
      md.append("**The run could not finish:** ")
          .append(MarkdownText.inline(report.error()))
          .append("\n\n");
    }
    if (report.layout() != null) {
      long fresh = report.migrations().stream().filter(RunReport.MigrationEntry::isNew).count();
      md.append(report.migrations().size())
          .append(" migrations (")
          .append(fresh)
          .append(" new) in ")
          .append(MarkdownText.code(report.migrationsDir()))
          .append(", layout ")
          .append(MarkdownText.code(report.layout()))
          .append(".\n\n");
    }
    if (!report.gates().isEmpty()) {
      gatesTable(md, report.gates());
      for (GateResult gate : report.gates()) {
        findings(md, gate);
      }
    }
    if (report.mutation() != null) {
      mutation(md, report.mutation());
    }
    if (report.performance() != null && !report.performance().migrations().isEmpty()) {
      performance(md, report.performance());
    }
    if (!report.tests().isEmpty()) {
      tests(md, report.tests());
    }
    md.append("\n_migtest ").append(MarkdownText.inline(report.tool().version())).append("_\n");
    return md.toString();
  }

  /** One row per test; the failures themselves are findings of the gate that ran the test. */
  private static void tests(StringBuilder md, List<TestResult> tests) {
    long failed = tests.stream().filter(TestResult::failed).count();
    long skipped = tests.stream().filter(t -> t.status() == TestStatus.SKIP).count();
    md.append("\n### Tests: ")
        .append(tests.size() - failed - skipped)
        .append(" passed, ")
        .append(failed)
        .append(" failed")
        .append(skipped == 0 ? "" : ", " + skipped + " skipped")
        .append("\n\n| Test | Kind | Status | Time | Failures |\n|---|---|---|---|---|\n");
    for (TestResult test : tests) {
      md.append("| ")
          .append(MarkdownText.codeInCell(test.name()))
          .append(" | ")
          .append(test.kind())
          .append(" | ")
          .append(testStatus(test.status()))
          .append(" | ")
          .append(seconds(test.durationMs()))
          .append(" | ")
          .append(
              test.note() != null
                  ? MarkdownText.inline(test.note())
                  : test.failures().isEmpty() ? "" : String.valueOf(test.failures().size()))
          .append(" |\n");
    }
  }

  /**
   * The score by category, then one row per surviving or uncovered mutant: where, what changed, and
   * the test that would kill it.
   */
  private void mutation(StringBuilder md, MutationOutcome mutation) {
    md.append("\n### Mutation: ")
        .append(
            mutation.score() == null
                ? "no valid mutants"
                : String.format(
                    Locale.ROOT,
                    "score %.1f%% (threshold %.0f%%), %.1f%% from your tests",
                    mutation.score(),
                    mutation.threshold(),
                    mutation.scoreFromTests()))
        .append("\n\n");
    if (!mutation.categories().isEmpty()) {
      md.append(
              mutation.categories().entrySet().stream()
                  .map(
                      e -> String.format(Locale.ROOT, "%s %.1f%%", e.getKey().name(), e.getValue()))
                  .collect(Collectors.joining(" · ")))
          .append("\n\n");
    }
    List<MutationOutcome.Entry> survivors =
        mutation.mutants().stream()
            .filter(
                m -> m.status() == MutantStatus.SURVIVED || m.status() == MutantStatus.NO_COVERAGE)
            .toList();
    if (survivors.isEmpty()) {
      return;
    }
    md.append("| Mutant | Where | Change | Original | Mutated | A test that kills it |\n")
        .append("|---|---|---|---|---|---|\n");
    for (MutationOutcome.Entry m :
        survivors.subList(0, Math.min(survivors.size(), maxFindingsPerGate))) {
      md.append("| ")
          .append(MarkdownText.codeInCell(m.operator()))
          .append(" ")
          .append(m.severity())
          .append(m.status() == MutantStatus.NO_COVERAGE ? ", not covered" : "")
          .append(" | ")
          .append(MarkdownText.codeInCell(m.file() + ":" + m.line()))
          .append(" | ")
          .append(MarkdownText.inline(m.change()))
          .append(" | ")
          .append(MarkdownText.codeInCell(m.excerpt().before()))
          .append(" | ")
          .append(
              m.excerpt().after().isEmpty()
                  ? "(deleted)"
                  : MarkdownText.codeInCell(m.excerpt().after()))
          .append(" | ")
          .append(MarkdownText.inline(m.suggestedTest()))
          .append(" |\n");
    }
    if (survivors.size() > maxFindingsPerGate) {
      md.append("\n")
          .append(survivors.size() - maxFindingsPerGate)
          .append(" more survivors are in report.json.\n");
    }
  }

  /** One row per measured migration: its figures and the change against the baseline. */
  private static void performance(StringBuilder md, PerformanceResults performance) {
    md.append("\n### Performance: ")
        .append(performance.scale())
        .append(" rows per table, median of ")
        .append(performance.repeats())
        .append(performance.repeats() == 1 ? " run" : " runs")
        .append(
            "\n\n| Migration | Time | Against the baseline | WAL | Rewrites | Strongest lock |\n")
        .append("|---|---|---|---|---|---|\n");
    for (MigrationPerformance m : performance.migrations()) {
      md.append("| ")
          .append(MarkdownText.codeInCell(m.file()))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.1f ms", m.durationMs()))
          .append(" | ")
          .append(change(m))
          .append(" | ")
          .append(ByteSize.text(m.walBytes()))
          .append(" | ")
          .append(
              m.rewrites().stream().map(MarkdownText::codeInCell).collect(Collectors.joining(", ")))
          .append(" | ")
          .append(
              m.locks().stream()
                  .map(l -> MarkdownText.codeInCell(l.relation()) + " " + l.mode())
                  .collect(Collectors.joining(", ")))
          .append(" |\n");
    }
  }

  private static String change(MigrationPerformance m) {
    if (m.baseline() == null) {
      return "no baseline";
    }
    return String.format(
        Locale.ROOT,
        "%s time, %s WAL",
        percent(m.durationChangePercent()),
        percent(m.walChangePercent()));
  }

  private static String percent(Double change) {
    return change == null ? "new" : String.format(Locale.ROOT, "%+.0f%%", change);
  }

  private static String testStatus(TestStatus status) {
    return switch (status) {
      case PASS -> "✅ PASS";
      case FAIL -> "❌ FAIL";
      case ERROR -> "⚠️ ERROR";
      case SKIP -> "⏭️ SKIP";
    };
  }

  private static void gatesTable(StringBuilder md, List<GateResult> gates) {
    md.append("| Gate | Status | Mode | Time | Summary |\n|---|---|---|---|---|\n");
    for (GateResult gate : gates) {
      md.append("| ")
          .append(gate.id().id())
          .append(" | ")
          .append(status(gate.status()))
          .append(" | ")
          .append(gate.mode().id())
          .append(" | ")
          .append(seconds(gate.durationMs()))
          .append(" | ")
          .append(MarkdownText.inline(gate.summary()))
          .append(" |\n");
    }
  }

  private void findings(StringBuilder md, GateResult gate) {
    // Survivors have a table of their own, with the original and mutated SQL.
    List<Finding> sorted =
        gate.findings().stream()
            .filter(f -> gate.mutation() == null || !f.rule().equals(RuleId.MUTANT_SURVIVED))
            .sorted(Comparator.comparing(Finding::severity))
            .toList();
    if (sorted.isEmpty()) {
      return;
    }
    md.append("\n### ").append(gate.id().id()).append("\n\n");
    md.append("| Severity | Where | Rule | Message |\n|---|---|---|---|\n");
    for (Finding f : sorted.subList(0, Math.min(sorted.size(), maxFindingsPerGate))) {
      md.append("| ")
          .append(severity(f.severity()))
          .append(" | ")
          .append(f.file() == null ? "" : MarkdownText.codeInCell(f.location()))
          .append(" | ")
          .append(MarkdownText.codeInCell(f.rule()))
          .append(" | ")
          .append(MarkdownText.inline(f.message()))
          .append(
              f.sqlstate() == null ? "" : " (SQLSTATE " + MarkdownText.inline(f.sqlstate()) + ")")
          .append(" |\n");
    }
    if (sorted.size() > maxFindingsPerGate) {
      md.append("\n")
          .append(sorted.size() - maxFindingsPerGate)
          .append(" more findings are in report.json.\n");
    }
  }

  private static String verdict(RunResult result) {
    return switch (result) {
      case PASS -> "✅ PASS";
      case FAIL -> "❌ FAIL";
      case ERROR -> "⚠️ ERROR";
    };
  }

  private static String status(GateStatus status) {
    return switch (status) {
      case PASS -> "✅ PASS";
      case WARN -> "⚠️ WARN";
      case FAIL -> "❌ FAIL";
      case SKIP -> "⏭️ SKIP";
    };
  }

  private static String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> "❌ error";
      case WARNING -> "⚠️ warning";
      case INFO -> "ℹ️ info";
    };
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}

package io.migtest.github;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.gate.GateMode;
import io.migtest.gate.GateResult;
import io.migtest.report.RunReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Findings as workflow-command annotations ({@code ::error file=..,line=..,title=..::message}), so
 * they show on the pull request's changed lines: findings of blocking gates as errors, the others
 * as warnings, notes left to the report. GitHub keeps 10 of each kind per step; past that the worst
 * are annotated and one notice points to the job summary.
 */
final class Annotations {
  static final int PER_KIND = 10;
  private static final int MAX_MESSAGE = 4_000;

  private Annotations() {}

  /**
   * The workflow-command lines for {@code report}.
   *
   * @param pathPrefix the project folder relative to the repository root ({@code ""} for the root),
   *     since annotations name files from the repository root
   */
  static List<String> of(RunReport report, String pathPrefix) {
    List<Finding> errors = new ArrayList<>();
    List<Finding> warnings = new ArrayList<>();
    for (GateResult gate : report.gates()) {
      for (Finding f : gate.findings()) {
        if (f.severity() == Severity.INFO) {
          continue;
        }
        boolean blocking = f.severity() == Severity.ERROR && gate.mode() == GateMode.BLOCK;
        (blocking ? errors : warnings).add(f);
      }
    }
    List<String> lines = new ArrayList<>();
    annotate(lines, "error", errors, pathPrefix);
    annotate(lines, "warning", warnings, pathPrefix);
    int left = Math.max(0, errors.size() - PER_KIND) + Math.max(0, warnings.size() - PER_KIND);
    if (left > 0) {
      lines.add(
          "::notice title=migtest::"
              + data(left + " more findings are in the job summary and the report artifact."));
    }
    return lines;
  }

  private static void annotate(
      List<String> lines, String kind, List<Finding> findings, String pathPrefix) {
    findings.stream()
        .sorted(Comparator.comparing(Finding::severity))
        .limit(PER_KIND)
        .forEach(f -> lines.add(command(kind, f, pathPrefix)));
  }

  private static String command(String kind, Finding f, String pathPrefix) {
    List<String> properties = new ArrayList<>();
    if (f.file() != null) {
      properties.add("file=" + property(pathPrefix + f.file()));
      if (f.line() > 0) {
        properties.add("line=" + f.line());
        properties.add("endLine=" + f.endLine());
      }
    }
    properties.add("title=" + property("migtest " + f.rule()));
    String message = f.message() + (f.sqlstate() == null ? "" : " (SQLSTATE " + f.sqlstate() + ")");
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    return "::" + kind + " " + String.join(",", properties) + "::" + data(message);
  }

  /** Escapes a message as the runner reads it back: {@code %}, CR and LF. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escapes a property value: as {@link #data} plus {@code :} and {@code ,}. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}

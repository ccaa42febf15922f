package io.migtest.github;

import io.migtest.finding.Severity;
import io.migtest.report.ReportPublisher;
import io.migtest.report.RunReport;
import io.migtest.report.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes a finished run to GitHub from inside the action: annotations on the log, the job
 * summary, the sticky pull-request comment and the step's outputs. Nothing here changes the
 * verdict: a comment GitHub refuses (a fork's read-only token) is a warning in the log, and the
 * summary and annotations still carry the report.
 */
public final class GitHubPublisher implements ReportPublisher {
  private final ActionRun run;
  private final StickyComment comments;
  private final PrintWriter log;

  /**
   * What the publisher needs to know about the run.
   *
   * @param projectPath the project folder relative to the repository root, {@code ""} or ending in
   *     {@code /}
   * @param reportPath the report folder as the workflow names it (the {@code report-path} output)
   * @param runUrl the workflow run's page, where the summary and artifacts are
   * @param summary {@code GITHUB_STEP_SUMMARY}, or null
   * @param outputs {@code GITHUB_OUTPUT}, or null
   * @param commentKey what tells this step's comment from other migtest steps' on the same pull
   *     request (workflow, job and project folder)
   */
  public record ActionRun(
      WorkflowEvent event,
      CommentMode commentMode,
      String commentKey,
      String projectPath,
      String reportPath,
      String runUrl,
      Path summary,
      Path outputs) {}

  public GitHubPublisher(ActionRun run, StickyComment comments, PrintWriter log) {
    this.run = run;
    this.comments = comments;
    this.log = log;
  }

  @Override
  public void publish(RunReport report) {
    Annotations.of(report, run.projectPath()).forEach(log::println);
    String whole =
        "The whole report is on the [workflow run's page]("
            + run.runUrl()
            + ") (job summary, and the report folder if the workflow uploads it).";
    if (run.summary() != null) {
      String summary =
          FittedMarkdown.fit(
              report,
              FittedMarkdown.SUMMARY_LIMIT,
              FittedMarkdown.UTF8_BYTES,
              "Shortened to fit GitHub's job summary: the whole report is `report.md` in the"
                  + " report folder.");
      try {
        StepFiles.appendSummary(run.summary(), summary);
      } catch (IOException e) {
        warn("Cannot write the job summary: " + e.getMessage());
      }
    }
    String commentUrl = comment(report, whole).orElse("");
    if (run.outputs() != null) {
      try {
        StepFiles.appendOutputs(run.outputs(), outputs(report, commentUrl));
      } catch (IOException e) {
        warn("Cannot write the step outputs: " + e.getMessage());
      }
    }
    log.flush();
  }

  /** The comment's address when it was posted. */
  private Optional<String> comment(RunReport report, String whole) {
    if (run.event().pullRequest() == 0 || run.commentMode() == CommentMode.NEVER) {
      return Optional.empty();
    }
    boolean create = run.commentMode() == CommentMode.ALWAYS || report.result() != RunResult.PASS;
    String body =
        FittedMarkdown.fit(
            report,
            FittedMarkdown.COMMENT_LIMIT,
            FittedMarkdown.CHARACTERS,
            "Shortened to fit a pull-request comment. " + whole);
    String marker = marker(run.commentKey());
    try {
      Optional<StickyComment.Outcome> outcome =
          comments.publish(run.event().pullRequest(), marker, marker + "\n" + body, create);
      if (outcome.isPresent() && outcome.get() instanceof StickyComment.Posted posted) {
        log.println(
            (posted.created() ? "Commented on" : "Updated the comment on") + " the pull request.");
        return Optional.of(posted.url());
      }
      outcome.ifPresent(refused -> refusedComment((StickyComment.Refused) refused));
    } catch (IOException | RuntimeException e) {
      // A comment that fails never changes the verdict.
      warn(
          "Cannot comment on the pull request: "
              + e.getMessage()
              + ". The job summary has the report.");
    }
    return Optional.empty();
  }

  /**
   * The hidden line that finds this step's comment again: one per workflow, job and project, so
   * that several migtest steps on one pull request keep a comment each. Only characters that cannot
   * end the HTML comment are kept.
   */
  public static String marker(String key) {
    return "<!-- migtest-report " + key.replaceAll("[^A-Za-z0-9 ._/-]", "_") + " -->";
  }

  private void refusedComment(StickyComment.Refused refused) {
    if (refused.readOnly() && run.event().fromFork()) {
      warn(
          "The token of a pull request from a fork may not comment ("
              + refused.reason()
              + "); the job summary has the report. To comment on fork pull requests, use the"
              + " workflow_run template (workflow-templates/migration-comment-from-fork.yml).");
    } else {
      warn(
          "GitHub refused the comment ("
              + refused.reason()
              + "). Give the job `permissions: pull-requests: write`; the job summary has the"
              + " report.");
    }
  }

  private Map<String, String> outputs(RunReport report, String commentUrl) {
    long findings =
        report.gates().stream()
            .flatMap(g -> g.findings().stream())
            .filter(f -> f.severity() != Severity.INFO)
            .count();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("result", report.result().name());
    values.put(
        "mutation-score",
        report.mutation() == null || report.mutation().score() == null
            ? ""
            : String.format(java.util.Locale.ROOT, "%.1f", report.mutation().score()));
    values.put("report-path", run.reportPath());
    values.put("findings", String.valueOf(findings));
    values.put("comment-url", commentUrl);
    return values;
  }

  private void warn(String message) {
    log.println("::warning title=migtest::" + Annotations.data(message));
  }
}

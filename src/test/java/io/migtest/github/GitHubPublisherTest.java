package io.migtest.github;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.gate.GateId;
import io.migtest.gate.GateMode;
import io.migtest.gate.GateResult;
import io.migtest.report.RunReport;
import io.migtest.report.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The publisher against a local server that answers as GitHub's REST API does. */
class GitHubPublisherTest {
  private static final String TOKEN = "ghs_secretTokenValue42";
  private static final String WORKFLOW_TOKEN_ON_USER =
      "{\"message\":\"Resource not accessible by integration\"}";
  private static final String MARKER = GitHubPublisher.marker("tests/migtest/services/db/");

  @TempDir Path dir;
  private FakeGitHub github;
  private final List<Duration> waits = new ArrayList<>();
  private final StringWriter log = new StringWriter();
  private Path summary;
  private Path outputs;

  @BeforeEach
  void start() throws Exception {
    github = new FakeGitHub();
    summary = Files.createFile(dir.resolve("summary.md"));
    outputs = Files.createFile(dir.resolve("outputs.txt"));
  }

  @AfterEach
  void stop() {
    github.close();
  }

  private static RunReport report(RunResult result, List<Finding> findings) {
    GateResult apply =
        new GateResult(
            GateId.APPLY,
            GateResult.statusOf(findings),
            GateMode.BLOCK,
            900,
            findings.isEmpty() ? "2 migrations applied" : "failed",
            findings);
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", "1.0"),
        result,
        result == RunResult.PASS ? 0 : 1,
        "flyway",
        "db/migrations",
        "",
        List.of(),
        List.of(apply),
        List.of(),
        null);
  }

  private static RunReport failing() {
    return report(
        RunResult.FAIL,
        List.of(
            new Finding(
                "migration-failed",
                Severity.ERROR,
                "db/migrations/V2__a,b:c.sql",
                3,
                5,
                "column \"x\" does not exist\n::error::forged %0A",
                "42703")));
  }

  private void publish(RunReport report, WorkflowEvent event, CommentMode mode) {
    publish(report, event, mode, new GitHubApi(github.url(), TOKEN, waits::add));
  }

  private void publish(RunReport report, WorkflowEvent event, CommentMode mode, GitHubApi api) {
    new GitHubPublisher(
            new GitHubPublisher.ActionRun(
                event,
                mode,
                "tests/migtest/services/db/",
                "services/db/",
                "migtest-report",
                "https://github.com/o/r/actions/runs/1",
                summary,
                outputs),
            new StickyComment(api, "o/r", StickyComment.WORKFLOW_BOT),
            new PrintWriter(log))
        .publish(report);
  }

  private static WorkflowEvent pullRequest(boolean fork) {
    return new WorkflowEvent("pull_request", 7, "abc1234", fork);
  }

  private List<FakeGitHub.Comment> ours() {
    return github.comments().stream()
        .filter(c -> c.author().equals(StickyComment.WORKFLOW_BOT))
        .filter(c -> c.body().startsWith(MARKER))
        .toList();
  }

  @Test
  void theFirstRunCreatesTheCommentLaterRunsUpdateItAndAPassTurnsItGreen() throws Exception {
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(ours()).hasSize(1);
    long id = ours().get(0).id();
    assertThat(ours().get(0).body()).startsWith(MARKER).contains("❌ FAIL");

    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    publish(report(RunResult.PASS, List.of()), pullRequest(false), CommentMode.ON_FAILURE);
    assertThat(ours()).hasSize(1);
    assertThat(ours().get(0).id()).isEqualTo(id);
    assertThat(ours().get(0).body()).contains("✅ PASS").doesNotContain("❌");
    assertThat(github.requests())
        .allSatisfy(
            r -> {
              assertThat(r.authorization()).isEqualTo("Bearer " + TOKEN);
              assertThat(r.accept()).isEqualTo("application/vnd.github+json");
            });
    assertThat(Files.readString(outputs))
        .contains("result<<")
        .contains("FAIL")
        .contains("PASS")
        .contains("comment-url<<")
        .contains("https://github.com/o/r/pull/7#issuecomment-" + id);
    assertThat(log.toString()).doesNotContain(TOKEN);
    var action =
        new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
            .readTree(Path.of("action.yml").toFile());
    action
        .path("outputs")
        .fieldNames()
        .forEachRemaining(
            name -> assertThat(readOutputs()).as("output of action.yml").contains(name + "<<"));
  }

  private String readOutputs() {
    try {
      return Files.readString(outputs);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aCommentByAnotherUserWithOurMarkerIsNeverEditedAndPagesAreFollowed() throws Exception {
    github.pageSize(2);
    github.addComment(7, "mallory", MARKER + " fake verdict");
    github.addComment(
        7, StickyComment.WORKFLOW_BOT, GitHubPublisher.marker("perf/job/") + "\nanother step's");
    IntStream.range(0, 3).forEach(i -> github.addComment(7, "alice", "lgtm " + i));
    github.addComment(7, StickyComment.WORKFLOW_BOT, MARKER + "\nold report");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(github.comments())
        .filteredOn(c -> c.author().equals("mallory"))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).endsWith("fake verdict"));
    assertThat(ours()).singleElement().satisfies(c -> assertThat(c.body()).contains("❌ FAIL"));
    assertThat(github.comments())
        .filteredOn(c -> c.body().contains("another step's"))
        .as("another migtest step's comment on the same pull request")
        .hasSize(1);
    assertThat(github.requests())
        .filteredOn(r -> r.method().equals("GET") && r.path().contains("/comments"))
        .hasSize(3);
  }

  /** A comment that cannot be made says why; the summary and the outputs are written anyway. */
  @Test
  void anApiThatCannotBeReachedOrUsedIsAWarningThatSaysWhy() throws Exception {
    publish(
        failing(),
        pullRequest(false),
        CommentMode.ALWAYS,
        new GitHubApi("http://127.0.0.1:9", TOKEN, waits::add));
    publish(
        failing(),
        pullRequest(false),
        CommentMode.ALWAYS,
        new GitHubApi("not a url", TOKEN, waits::add));
    publish(
        failing(),
        pullRequest(false),
        CommentMode.ALWAYS,
        new GitHubApi(github.url(), "", waits::add));
    assertThat(log.toString())
        .contains("Cannot comment on the pull request: cannot reach 127.0.0.1:9 (")
        .contains(
            "Cannot comment on the pull request: GITHUB_API_URL is not an http(s) URL: not a url")
        .contains("Cannot comment on the pull request: no token")
        .doesNotContain(": null");
    assertThat(github.requests()).as("nothing sent without a token").isEmpty();
    assertThat(Files.readString(summary)).contains("❌ FAIL");
    assertThat(Files.readString(outputs)).contains("result<<");
  }

  @Test
  void onFailureCreatesNoCommentForAPassAndNeverMakesNone() throws Exception {
    publish(report(RunResult.PASS, List.of()), pullRequest(false), CommentMode.ON_FAILURE);
    publish(failing(), pullRequest(false), CommentMode.NEVER);
    assertThat(ours()).isEmpty();
    assertThat(Files.readString(summary)).contains("✅ PASS").contains("❌ FAIL");
  }

  @Test
  void secondaryRateLimitsAndServerErrorsAreRetriedAfterTheWaitGitHubAsksFor() throws Exception {
    github.queue(403, Map.of("retry-after", "7"), "{\"message\":\"secondary rate limit\"}");
    github.queue(502, Map.of(), "");
    github.queue(
        403,
        Map.of(
            "x-ratelimit-remaining",
            "0",
            "x-ratelimit-reset",
            String.valueOf(System.currentTimeMillis() / 1000 + 3600)),
        "{\"message\":\"API rate limit exceeded\"}");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(ours()).hasSize(1);
    assertThat(waits)
        .containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(60));
  }

  @Test
  void aForksReadOnlyTokenIsAWarningAndTheSummaryStillHasTheReport() throws Exception {
    github.readOnly();
    publish(failing(), pullRequest(true), CommentMode.ALWAYS);
    assertThat(ours()).isEmpty();
    assertThat(log.toString())
        .contains("::warning title=migtest::The token of a pull request from a fork")
        .contains("migration-comment-from-fork.yml");
    assertThat(Files.readString(summary)).contains("❌ FAIL");
    assertThat(Files.readString(outputs)).contains("comment-url<<");
  }

  @Test
  void aReportOverTheCommentLimitIsShortenedWithALinkToTheRun() throws Exception {
    List<Finding> many =
        IntStream.range(0, 400)
            .mapToObj(
                i ->
                    Finding.error(
                        "migration-failed",
                        "db/migrations/V" + i + "__x.sql",
                        i + 1,
                        "x".repeat(1_000)))
            .toList();
    publish(report(RunResult.FAIL, many), pullRequest(false), CommentMode.ALWAYS);
    String body = ours().get(0).body();
    assertThat(body.length()).isLessThanOrEqualTo(65_536);
    assertThat(body)
        .contains("❌ FAIL")
        .contains("Shortened to fit a pull-request comment")
        .contains("https://github.com/o/r/actions/runs/1")
        .contains("more findings are in report.json");
  }

  @Test
  void annotationsNameFilesFromTheRepositoryRootAndCannotForgeCommands() throws Exception {
    publish(failing(), new WorkflowEvent("push", 0, null, false), CommentMode.ALWAYS);
    String annotation =
        log.toString().lines().filter(l -> l.startsWith("::error ")).findFirst().orElseThrow();
    assertThat(annotation)
        .startsWith(
            "::error file=services/db/db/migrations/V2__a%2Cb%3Ac.sql,line=3,endLine=5,title=migtest"
                + " migration-failed::")
        .contains("does not exist%0A::error::forged %250A")
        .contains("(SQLSTATE 42703)");
    assertThat(log.toString().lines()).noneMatch(l -> l.startsWith("::error::forged"));
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void anEmptyAnswerToTheCommentIsAWarningAndChangesNothingElse() throws Exception {
    github.queue(403, Map.of(), WORKFLOW_TOKEN_ON_USER);
    github.queue(200, Map.of(), "[]");
    github.queue(201, Map.of(), "");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(Files.readString(outputs)).contains("result<<").contains("FAIL");
    assertThat(log.toString()).contains("Commented on the pull request");
    github.queue(403, Map.of(), WORKFLOW_TOKEN_ON_USER);
    github.queue(200, Map.of(), "not json");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(log.toString())
        .contains("::warning title=migtest::Cannot comment on the pull request");
  }

  @Test
  void aCreateThatFailedWithAServerErrorIsNotSentTwice() throws Exception {
    github.queue(403, Map.of(), WORKFLOW_TOKEN_ON_USER);
    github.queue(200, Map.of(), "[]");
    github.queue(502, Map.of(), "");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    assertThat(github.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
    assertThat(log.toString()).contains("answered 502");
  }

  @Test
  void withAPersonalTokenItsOwnCommentIsFoundAndUpdated() throws Exception {
    github.tokenOf("release-bot");
    publish(failing(), pullRequest(false), CommentMode.ALWAYS);
    publish(report(RunResult.PASS, List.of()), pullRequest(false), CommentMode.ALWAYS);
    assertThat(github.comments())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.author()).isEqualTo("release-bot");
              assertThat(c.body()).contains("✅ PASS");
            });
  }
}

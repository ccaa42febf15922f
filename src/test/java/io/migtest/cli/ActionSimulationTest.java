package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.github.FakeGitHub;
import io.migtest.github.StickyComment;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migtest action} as the runner starts the container: a separate process as root, an {@code
 * unshare} that Docker's seccomp profile refuses, the workspace checked out by another user, the
 * event payload, {@code GITHUB_*} and {@code INPUT_*} variables, the step's summary and output
 * files, and GitHub's REST API (a local server that answers as it does).
 */
class ActionSimulationTest {
  private static final String TOKEN = "ghs_actionInputToken7788";

  @TempDir Path work;
  private Path workspace;
  private Path bin;
  private FakeGitHub github;
  private String baseSha;

  @BeforeEach
  void checkout() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "the container action runs as root");
    github = new FakeGitHub();
    bin = Files.createDirectories(work.resolve("bin"));
    Path unshare = bin.resolve("unshare");
    Files.writeString(
        unshare,
        "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
    Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));
    workspace = Files.createDirectories(work.resolve("github/workspace"));
    git("init", "-q", "-b", "main");
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);\n");
    write("db/migrations/V2__seed.sql", "INSERT INTO users VALUES (1, NULL);\n");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    baseSha = git("rev-parse", "HEAD").strip();
    git("checkout", "-q", "-b", "feature");
  }

  @AfterEach
  void stop() {
    if (github != null) {
      github.close();
    }
  }

  private String git(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of("git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "safe.directory=*"));
    command.addAll(List.of(args));
    Map<String, String> env = ChildEnvironment.minimal(System.getenv());
    env.put("HOME", work.toString());
    var result = Commands.run(command, workspace, env, Duration.ofSeconds(30));
    assertThat(result.succeeded()).as(result.output()).isTrue();
    return result.output();
  }

  private void write(String relative, String content) throws IOException {
    Path file = workspace.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private record Run(int exitCode, String log, String summary, String outputs) {}

  /** Starts the action the way the runner does, after checking out the pull request. */
  private Run action(Map<String, String> inputs) throws Exception {
    return action(
        inputs,
        Map.of(
            "action",
            "synchronize",
            "number",
            7,
            "pull_request",
            Map.of(
                "number", 7,
                "base", Map.of("sha", baseSha, "ref", "main", "repo", Map.of("full_name", "o/r")),
                "head", Map.of("sha", "f".repeat(40), "repo", Map.of("full_name", "o/r")))));
  }

  private Run action(Map<String, String> inputs, Map<String, Object> payload) throws Exception {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", "pull request");
    // actions/checkout leaves the workspace owned by the runner's user, not the container's root.
    Commands.run(
        List.of("chown", "-R", "65534:65534", workspace.toString()),
        work,
        ChildEnvironment.minimal(System.getenv()),
        Duration.ofSeconds(30));
    Path event = work.resolve("event.json");
    new ObjectMapper().writeValue(event.toFile(), payload);
    // Each run is a new job: the runner gives it new, empty summary and output files.
    Path summary = work.resolve("step_summary");
    Path outputs = work.resolve("set_output");
    Files.write(summary, new byte[0]);
    Files.write(outputs, new byte[0]);
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("HOME", "/github/home");
    env.put("CI", "true");
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_WORKSPACE", workspace.toString());
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", event.toString());
    env.put("GITHUB_REPOSITORY", "o/r");
    env.put("GITHUB_API_URL", github.url());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_RUN_ID", "4242");
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    env.put("GITHUB_OUTPUT", outputs.toString());
    env.put("ACTIONS_RUNTIME_TOKEN", "runtimeTokenValue456");
    env.put("INPUT_GITHUB-TOKEN", TOKEN);
    inputs.forEach((name, value) -> env.put("INPUT_" + name.toUpperCase(), value));
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.migtest.cli.Main",
                "action"));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workspace.toFile()).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(env);
    Path log = work.resolve("log.txt");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("migtest action did not finish within 5 minutes");
    }
    return new Run(
        process.exitValue(),
        Files.readString(log, StandardCharsets.UTF_8),
        Files.readString(summary),
        Files.readString(outputs));
  }

  @Test
  void aFailingPullRequestGetsTheCommentSummaryAnnotationsOutputsAndAFailedCheck()
      throws Exception {
    write("db/migrations/V3__names.sql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
    Run run = action(Map.of("comment", "always", "report-dir", "out/migtest"));
    assertThat(run.exitCode()).as(run.log()).isEqualTo(1);
    assertThat(run.log())
        .contains("::error file=db/migrations/V3__names.sql,line=1,endLine=1,title=migtest ")
        .contains("failed on an empty database at db/migrations/V3__names.sql:1")
        .contains("Commented on the pull request")
        .doesNotContain(TOKEN)
        .doesNotContain("runtimeTokenValue456");
    assertThat(github.comments())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.author()).isEqualTo(StickyComment.WORKFLOW_BOT);
              assertThat(c.body()).contains("❌ FAIL").contains("V3__names.sql").contains("23502");
            });
    assertThat(github.requests()).allMatch(r -> ("Bearer " + TOKEN).equals(r.authorization()));
    assertThat(run.summary()).contains("## migtest: ❌ FAIL");
    assertThat(run.outputs())
        .containsPattern("result<<(migtest_[0-9a-f]+)\nFAIL\n\\1\n")
        .containsPattern("report-path<<(migtest_[0-9a-f]+)\nout/migtest\n\\1\n")
        .containsPattern("comment-url<<(migtest_[0-9a-f]+)\nhttps://github.com/o/r/pull/7#");
    var report = new ObjectMapper().readTree(workspace.resolve("out/migtest/report.json").toFile());
    assertThat(report.get("migrations").findValuesAsText("isNew"))
        .as("compared with the pull request's base commit")
        .containsExactly("false", "false", "true");
  }

  @Test
  void theNextPushThatFixesItTurnsTheSameCommentGreen() throws Exception {
    write("db/migrations/V3__names.sql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
    assertThat(action(Map.of()).exitCode()).isEqualTo(1);
    write(
        "db/migrations/V3__names.sql",
        "SET lock_timeout = '5s';\n"
            + "UPDATE users SET name = 'unknown' WHERE name IS NULL;\n"
            + "-- migtest:ignore set-not-null-scans-table users has a few hundred rows\n"
            + "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
    Run run = action(Map.of("comment", "on-failure"));
    assertThat(run.exitCode()).as(run.log()).isZero();
    assertThat(github.comments())
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("✅ PASS").doesNotContain("❌"));
  }

  /** Without its base every migration would count as new, and a clean run would hide the PR. */
  @Test
  void aPullRequestEventWithoutABaseIsAnErrorNotARunWithoutOne() throws Exception {
    write("db/migrations/V3__names.sql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
    Run run = action(Map.of(), Map.of("number", 7, "pull_request", Map.of("number", 7)));
    assertThat(run.exitCode()).as(run.log()).isEqualTo(3);
    assertThat(run.log()).contains("names no base commit").contains("base-ref");
    assertThat(
            action(Map.of("base-ref", baseSha), Map.of("pull_request", Map.of("number", 7)))
                .exitCode())
        .as("the base-ref input gives the base")
        .isEqualTo(1);
  }

  @Test
  void aBadInputIsAnInputErrorThatNamesIt() throws Exception {
    Run run = action(Map.of("comment", "sometimes"));
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.log()).contains("comment").contains("always, on-failure or never");
    assertThat(github.requests()).isEmpty();
  }

  @Test
  void aBrokenMigtestYmlReplacesTheLastVerdictWithTheErrorAndExits2() throws Exception {
    write("db/migrations/V3__names.sql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n");
    assertThat(action(Map.of()).exitCode()).isEqualTo(1);
    write("migtest.yml", "layout: nosuch\n");
    write("migtest-report/report.md", "## migtest ✅ PASS (committed by the pull request)\n");
    Run run = action(Map.of());
    assertThat(run.exitCode()).as(run.log()).isEqualTo(2);
    assertThat(workspace.resolve("migtest-report/report.md"))
        .content()
        .contains("ERROR")
        .contains("nosuch")
        .doesNotContain("committed by the pull request");
    assertThat(workspace.resolve("migtest-report/report.json")).content().contains("\"ERROR\"");
    assertThat(github.comments())
        .singleElement()
        .satisfies(c -> assertThat(c.body()).contains("⚠️ ERROR").contains("nosuch"));
    assertThat(run.outputs()).containsPattern("result<<(migtest_[0-9a-f]+)\nERROR\n\\1\n");
  }
}

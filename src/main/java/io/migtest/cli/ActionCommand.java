package io.migtest.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.app.CheckService;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.gate.GateRunner;
import io.migtest.github.GitHubApi;
import io.migtest.github.GitHubPublisher;
import io.migtest.github.StickyComment;
import io.migtest.github.WorkflowEvent;
import io.migtest.report.RunReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code migtest action}: the container action's entrypoint. Reads the inputs ({@code INPUT_*}) and
 * the run ({@code GITHUB_*}), runs what {@code check} runs, then publishes to GitHub.
 */
@Command(
    name = "action",
    mixinStandardHelpOptions = true,
    description = {
      "Runs migtest as a GitHub container action: reads the action's inputs from INPUT_*"
          + " variables and the workflow run from GITHUB_* variables (event payload, API URL,"
          + " step summary and output files), runs the same gates as check on the pull"
          + " request, then updates one pull-request comment, writes the job summary,"
          + " annotations and the step's outputs.",
      "",
      "Inputs: see action.yml and the README's GitHub Action section."
    },
    footer = {
      "",
      "Exit codes: 0 pass (or a failed gate with fail-on-gate-failure: false), 1 a blocking"
          + " gate failed, 2 an input or configuration error, 3 the environment failed."
    })
public final class ActionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    PrintWriter out = spec.commandLine().getOut();
    ActionInputs inputs = ActionInputs.read(env);
    Path workspace = inputs.workspace();
    Path projectDir = inputs.projectDir();
    WorkflowEvent event = readEvent(env);
    try {
      Config config =
          ConfigResolver.resolve(projectDir, inputs.configFile(), env, inputs.settings(event));
      if (event.comparesWithBase() && config.base() == null) {
        throw MigtestException.environment(
            "The "
                + event.name()
                + " event's payload (GITHUB_EVENT_PATH) is missing or names no base commit, so"
                + " migtest cannot tell the pull request's migrations from the base branch's."
                + " Run it in a job the event started, or give the base-ref input.");
      }
      ProgressOutput progress = ProgressOutput.forEnvironment(spec.commandLine().getErr(), env);
      GitHubPublisher publisher =
          publisher(env, inputs, event, relative(workspace, config.reportDir()));
      CheckService.Outcome outcome =
          new CheckService(GateRunner.standard(), List.of(publisher)).run(config, progress);
      CheckCommand.print(outcome, out);
      out.flush();
      if (outcome.exitCode() == ExitCode.GATE_FAILED && !inputs.failOnGateFailure()) {
        return ExitCode.OK.code();
      }
      return outcome.exitCode().code();
    } catch (MigtestException e) {
      // No report was published: say why on the pull request, so the last push's verdict does
      // not stay up, and in the report folder, so the files the workflow uploads next are not
      // ones the pull request committed; then end as check would.
      String reportDir = inputs.values().getOrDefault("report-dir", "migtest-report");
      RunReport report = StoppedRun.report(e, env);
      StoppedRun.write(
          Path.of(reportDir).toAbsolutePath(), projectDir, report, spec.commandLine().getErr());
      publisher(env, inputs, event, reportDir).publish(report);
      throw e;
    }
  }

  private GitHubPublisher publisher(
      Map<String, String> env, ActionInputs inputs, WorkflowEvent event, String reportDir) {
    Path workspace = inputs.workspace();
    String project = relative(workspace, inputs.projectDir());
    return new GitHubPublisher(
        new GitHubPublisher.ActionRun(
            event,
            inputs.commentMode(),
            env.getOrDefault("GITHUB_WORKFLOW", "")
                + "/"
                + env.getOrDefault("GITHUB_JOB", "")
                + "/"
                + project,
            project,
            reportDir.replaceAll("/$", ""),
            runUrl(env),
            path(env, "GITHUB_STEP_SUMMARY"),
            path(env, "GITHUB_OUTPUT")),
        new StickyComment(
            new GitHubApi(
                env.getOrDefault("GITHUB_API_URL", "https://api.github.com"),
                inputs.token(),
                duration -> Thread.sleep(duration.toMillis())),
            env.getOrDefault("GITHUB_REPOSITORY", ""),
            StickyComment.WORKFLOW_BOT),
        spec.commandLine().getOut());
  }

  private static WorkflowEvent readEvent(Map<String, String> env) {
    Path payload = path(env, "GITHUB_EVENT_PATH");
    try {
      return WorkflowEvent.read(env.getOrDefault("GITHUB_EVENT_NAME", ""), payload);
    } catch (IOException e) {
      String why =
          e instanceof JsonProcessingException json
              ? "not valid JSON: " + json.getOriginalMessage()
              : e.getMessage();
      throw MigtestException.environment(
          "Cannot read the workflow's event payload " + payload + ": " + why, e);
    }
  }

  private static String runUrl(Map<String, String> env) {
    return env.getOrDefault("GITHUB_SERVER_URL", "https://github.com")
        + "/"
        + env.getOrDefault("GITHUB_REPOSITORY", "")
        + "/actions/runs/"
        + env.getOrDefault("GITHUB_RUN_ID", "");
  }

  private static Path path(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /** {@code dir} relative to the workspace with {@code /}, ending in {@code /}; "" for itself. */
  private static String relative(Path workspace, Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (!absolute.startsWith(workspace)) {
      return absolute + "/";
    }
    String text = workspace.relativize(absolute).toString().replace('\\', '/');
    return text.isEmpty() ? "" : text + "/";
  }
}

package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.config.ConfigKeys;
import io.migtest.config.Setting;
import io.migtest.fs.ProjectBoundary;
import io.migtest.github.CommentMode;
import io.migtest.github.WorkflowEvent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The action's inputs as the runner passes them: {@code INPUT_<NAME>} with the name upper-cased and
 * its hyphens kept ({@code github-token} arrives as {@code INPUT_GITHUB-TOKEN}). The runner neither
 * trims values nor enforces {@code required}, so every value is trimmed and checked here, and an
 * empty one counts as not given.
 */
record ActionInputs(Map<String, String> values, Path workspace) {
  /** Every input of action.yml; a test keeps this list, action.yml and the README in step. */
  static final java.util.List<String> NAMES =
      java.util.List.of(
          "github-token",
          "working-directory",
          "migrations",
          "layout",
          "gates",
          "base-ref",
          "config",
          "database-url",
          "postgres-image",
          "test-command",
          "mutation-threshold",
          "comment",
          "fail-on-gate-failure",
          "report-dir",
          "shard");

  static ActionInputs read(Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = env.get("INPUT_" + name.toUpperCase(Locale.ROOT));
      if (value != null && !value.isBlank()) {
        values.put(name, value.strip());
      }
    }
    String workflowToken = env.get("GITHUB_TOKEN");
    if (!values.containsKey("github-token") && workflowToken != null && !workflowToken.isBlank()) {
      values.put("github-token", workflowToken.strip());
    }
    String workspace = env.get("GITHUB_WORKSPACE");
    if (workspace == null || workspace.isBlank()) {
      throw MigtestException.usage(
          "GITHUB_WORKSPACE is not set: `migtest action` runs inside a GitHub Actions job; use"
              + " `migtest check` elsewhere.");
    }
    ActionInputs inputs =
        new ActionInputs(Map.copyOf(values), Path.of(workspace).toAbsolutePath().normalize());
    inputs.check();
    return inputs;
  }

  private void check() {
    commentMode();
    failOnGateFailure();
    String threshold = values.get("mutation-threshold");
    if (threshold != null && !threshold.matches("\\d{1,3}(\\.\\d+)?")
        || threshold != null && Double.parseDouble(threshold) > 100) {
      throw invalid("mutation-threshold", threshold, "a percentage from 0 to 100, e.g. 80");
    }
    projectDir();
  }

  /** The folder the action works in: the workspace, or {@code working-directory} inside it. */
  Path projectDir() {
    String dir = values.get("working-directory");
    if (dir == null) {
      return workspace;
    }
    Path project = workspace.resolve(dir).normalize();
    if (!ProjectBoundary.of(workspace).contains(project)) {
      throw invalid("working-directory", dir, "a folder inside the workspace");
    }
    return project;
  }

  /** The {@code config} input, relative to the project folder; null when not given. */
  Path configFile() {
    String config = values.get("config");
    return config == null ? null : projectDir().resolve(config);
  }

  /** The token for the REST API: the {@code github-token} input, else {@code GITHUB_TOKEN}. */
  String token() {
    return values.getOrDefault("github-token", "");
  }

  CommentMode commentMode() {
    String text = values.getOrDefault("comment", "always");
    return CommentMode.parse(text)
        .orElseThrow(() -> invalid("comment", text, "always, on-failure or never"));
  }

  boolean failOnGateFailure() {
    String text = values.getOrDefault("fail-on-gate-failure", "true").toLowerCase(Locale.ROOT);
    if (!text.equals("true") && !text.equals("false")) {
      throw invalid("fail-on-gate-failure", text, "true or false");
    }
    return text.equals("true");
  }

  /**
   * The inputs that are settings of {@code check}, keyed like migtest.yml; they win over the file
   * as flags do. Without {@code base-ref}, a pull request is compared with its base commit.
   */
  Map<String, Setting> settings(WorkflowEvent event) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    put(settings, ConfigKeys.MIGRATIONS, "migrations");
    put(settings, ConfigKeys.LAYOUT, "layout");
    put(settings, ConfigKeys.GATES, "gates");
    put(settings, ConfigKeys.BASE, "base-ref");
    put(settings, ConfigKeys.DATABASE_URL, "database-url");
    put(settings, ConfigKeys.POSTGRES_IMAGE, "postgres-image");
    put(settings, ConfigKeys.TEST_COMMAND, "test-command");
    put(settings, ConfigKeys.SHARD, "shard");
    put(settings, ConfigKeys.MUTATION_THRESHOLD, "mutation-threshold");
    String reportDir = values.get("report-dir");
    if (reportDir != null) {
      settings.put(
          ConfigKeys.REPORT_DIR,
          new Setting(workspace.resolve(reportDir).toString(), "input `report-dir`"));
    }
    if (!settings.containsKey(ConfigKeys.BASE) && event.baseSha() != null) {
      settings.put(
          ConfigKeys.BASE, new Setting(event.baseSha(), "the " + event.name() + " event's base"));
    }
    return settings;
  }

  private void put(Map<String, Setting> settings, String key, String input) {
    String value = values.get(input);
    if (value != null) {
      settings.put(key, new Setting(value, "input `" + input + "`"));
    }
  }

  private static MigtestException invalid(String input, String value, String expected) {
    return MigtestException.usage(
        "The action input `" + input + "` is '" + value + "'; expected " + expected + ".");
  }
}

package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Sqitch project keeps its plan and scripts, from {@code sqitch.conf} (git-config syntax):
 * {@code top_dir}, {@code plan_file}, {@code deploy_dir}, {@code revert_dir}, {@code verify_dir}
 * and {@code extension}, each looked up in the target's section, then {@code [engine "pg"]}, then
 * {@code [core]} ({@code lib/App/Sqitch/Target.pm} {@code _fetch}); likewise {@code registry}; the
 * psql variables of the {@code *.variables} sections, and {@code deploy.verify}. Paths are relative
 * to the project, where Sqitch runs.
 *
 * @param topDir the folder migtest reads, relative to the project
 * @param plan the plan file relative to {@code topDir}; the scripts' folders likewise
 * @param registry the schema of Sqitch's registry, {@code sqitch} unless set; Sqitch passes it to
 *     psql as {@code :registry}
 * @param verifyEachDeploy {@code deploy.verify}: {@code sqitch deploy} runs each change's verify
 *     script right after deploying it ({@code Command/deploy.pm} {@code configure}, default false)
 */
public record SqitchSettings(
    String topDir,
    String plan,
    String deploy,
    String revert,
    String verify,
    String extension,
    String registry,
    SqitchVariables variables,
    boolean verifyEachDeploy,
    ToolConfig config) {
  static final String FILE = "sqitch.conf";

  static final SqitchSettings DEFAULTS =
      new SqitchSettings(
          ".",
          "sqitch.plan",
          "deploy",
          "revert",
          "verify",
          "sql",
          "sqitch",
          new SqitchVariables(Map.of(), ""),
          false,
          ToolConfig.NONE);

  private static final Pattern SECTION =
      Pattern.compile(
          "^\\[\\s*([A-Za-z0-9.-]+)(?:\\s+\"((?:[^\"\\\\]|\\\\.)*)\")?\\s*]\\s*(?:[#;].*)?$");
  private static final Pattern ENTRY =
      Pattern.compile("^([A-Za-z][A-Za-z0-9_-]*)\\s*(?:=\\s*(.*))?$");

  static SqitchSettings read(ProjectFiles files) {
    List<Finding> problems = new ArrayList<>();
    Optional<String> text = ToolConfigFile.read(files, FILE, problems);
    if (text.isEmpty()) {
      return DEFAULTS.withConfig(new ToolConfig(List.of(), List.of(), problems));
    }
    Map<String, ToolSetting> entries = entries(text.get());
    List<ToolSetting> taken = new ArrayList<>();
    String target =
        Optional.ofNullable(entries.get("engine.pg.target"))
            .or(() -> Optional.ofNullable(entries.get("core.target")))
            .map(ToolSetting::value)
            .orElse("");
    Map<String, String> values = new LinkedHashMap<>();
    for (String key :
        List.of(
            "top_dir",
            "plan_file",
            "deploy_dir",
            "revert_dir",
            "verify_dir",
            "extension",
            "registry")) {
      ToolSetting setting =
          Optional.ofNullable(entries.get("target." + target + "." + key))
              .or(() -> Optional.ofNullable(entries.get("engine.pg." + key)))
              .or(() -> Optional.ofNullable(entries.get("core." + key)))
              .orElse(null);
      if (setting != null) {
        taken.add(setting);
        values.put(key, setting.value());
      }
    }
    String top = ProjectPaths.inside(values.getOrDefault("top_dir", "."));
    if (top == null) {
      problems.add(outside(taken, "top_dir"));
      top = ".";
    }
    String topDir = top;
    String prefix = topDir.equals(".") ? "" : topDir + "/";
    String plan =
        below(
            values.getOrDefault("plan_file", prefix + "sqitch.plan"),
            topDir,
            "plan_file",
            taken,
            problems,
            "sqitch.plan");
    String deploy =
        below(
            values.getOrDefault("deploy_dir", prefix + "deploy"),
            topDir,
            "deploy_dir",
            taken,
            problems,
            "deploy");
    String revert =
        below(
            values.getOrDefault("revert_dir", prefix + "revert"),
            topDir,
            "revert_dir",
            taken,
            problems,
            "revert");
    String verify =
        below(
            values.getOrDefault("verify_dir", prefix + "verify"),
            topDir,
            "verify_dir",
            taken,
            problems,
            "verify");
    SqitchVariables variables = SqitchVariables.of(entries, target);
    entries.values().stream().filter(e -> variables.reads(e.key())).forEach(taken::add);
    ToolSetting verifyEachDeploy = entries.get("deploy.verify");
    if (verifyEachDeploy != null) {
      taken.add(verifyEachDeploy);
    }
    return new SqitchSettings(
        topDir,
        plan,
        deploy,
        revert,
        verify,
        values.getOrDefault("extension", "sql"),
        values.getOrDefault("registry", "sqitch"),
        variables,
        bool(verifyEachDeploy, problems),
        new ToolConfig(List.of(FILE), taken, problems));
  }

  private SqitchSettings withConfig(ToolConfig config) {
    return new SqitchSettings(
        topDir,
        plan,
        deploy,
        revert,
        verify,
        extension,
        registry,
        variables,
        verifyEachDeploy,
        config);
  }

  /**
   * A boolean as Config::GitLike casts it ({@code as => 'bool'}): {@code true}, {@code yes}, {@code
   * on}, a key without a value or a non-zero number is true; {@code false}, {@code no}, {@code
   * off}, empty or zero is false; anything else stops Sqitch ("invalid bool"), so it is a finding
   * and false.
   */
  private static boolean bool(ToolSetting setting, List<Finding> problems) {
    if (setting == null) {
      return false;
    }
    String value = setting.value().toLowerCase(Locale.ROOT);
    if (List.of("true", "yes", "on").contains(value)) {
      return true;
    }
    if (List.of("false", "no", "off", "").contains(value)) {
      return false;
    }
    if (value.matches("[+-]?\\d+")) {
      return !value.matches("[+-]?0+");
    }
    problems.add(
        ToolConfigFile.invalid(
            setting.source(),
            setting.key()
                + " is '"
                + setting.value()
                + "', which Sqitch refuses (invalid bool). Write true or false; migtest runs"
                + " as with false."));
    return false;
  }

  /** {@code path} relative to {@code topDir}; one outside it is a finding and the default. */
  private static String below(
      String path,
      String topDir,
      String key,
      List<ToolSetting> taken,
      List<Finding> problems,
      String fallback) {
    String normal = ProjectPaths.inside(path);
    String prefix = topDir.equals(".") ? "" : topDir + "/";
    if (normal != null && (prefix.isEmpty() || normal.startsWith(prefix))) {
      return normal.substring(prefix.length());
    }
    problems.add(outside(taken, key));
    return fallback;
  }

  private static Finding outside(List<ToolSetting> taken, String key) {
    ToolSetting setting =
        taken.stream().filter(t -> t.key().endsWith("." + key)).findFirst().orElseThrow();
    return ToolConfigFile.warning(
        setting.source(),
        key
            + " is "
            + setting.value()
            + ", outside the project or its top_dir: migtest reads the plan and scripts only"
            + " below top_dir inside the project, so it uses Sqitch's default there.");
  }

  /** Every {@code section.key} of a git-config file, the last one winning, keys in lower case. */
  private static Map<String, ToolSetting> entries(String text) {
    Map<String, ToolSetting> entries = new LinkedHashMap<>();
    String section = "";
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      Matcher header = SECTION.matcher(line);
      Matcher entry = ENTRY.matcher(line);
      if (header.matches()) {
        section =
            header.group(1).toLowerCase(Locale.ROOT)
                + (header.group(2) == null ? "" : "." + header.group(2).replace("\\", ""));
      } else if (!line.isEmpty()
          && !line.startsWith("#")
          && !line.startsWith(";")
          && entry.matches()) {
        String key = section + "." + entry.group(1).toLowerCase(Locale.ROOT);
        entries.put(key, new ToolSetting(key, value(entry.group(2)), FILE + " line " + (i + 1)));
      }
    }
    return entries;
  }

  /** A value without comments and quotes. */
  private static String value(String raw) {
    if (raw == null) {
      return "true";
    }
    StringBuilder value = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '#' || c == ';')) {
        break;
      } else if (c == '\\' && i + 1 < raw.length()) {
        value.append(raw.charAt(++i));
      } else {
        value.append(c);
      }
    }
    return value.toString().strip();
  }
}

package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway's legacy {@code flyway.conf}: Java properties, prepared as Flyway prepares them ({@code
 * ConfigUtils.loadConfigurationFromString}): lines are trimmed, a backslash is literal unless it
 * ends a line that a value continues on, and {@code ${NAME}} reads an environment variable.
 */
final class FlywayConfFile {
  private static final String NAMESPACE = "flyway.";
  private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  private FlywayConfFile() {}

  /**
   * The {@code flyway.*} settings of {@code text}, keyed without the namespace ({@code locations});
   * problems are added to {@code problems}.
   */
  static Map<String, ToolSetting> read(String name, String text, List<Finding> problems) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(prepared(lines)));
    } catch (IOException | IllegalArgumentException e) {
      problems.add(
          Finding.error(
              RuleId.TOOL_CONFIG,
              name,
              0,
              name
                  + " is not a valid properties file ("
                  + e.getMessage()
                  + "): Flyway refuses it."));
      return Map.of();
    }
    Map<String, ToolSetting> settings = new LinkedHashMap<>();
    for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
      if (!key.startsWith(NAMESPACE) || !FlywaySettings.reads(key.substring(NAMESPACE.length()))) {
        continue;
      }
      int line = lineOf(lines, key);
      String source = name + " line " + line;
      String value = properties.getProperty(key).strip();
      Matcher variable = ENVIRONMENT_VARIABLE.matcher(value);
      if (variable.find()) {
        problems.add(
            Finding.warning(
                RuleId.TOOL_CONFIG,
                name,
                line,
                key
                    + " reads the environment variable "
                    + variable.group(1)
                    + ", which Flyway takes from its own environment at deploy time; migtest does"
                    + " not hand its environment to the repository's configuration and reads it as"
                    + " empty, as Flyway reads an unset variable. Set the value in migtest.yml."));
        value = variable.replaceAll("");
      }
      String bare = key.substring(NAMESPACE.length());
      settings.put(bare, new ToolSetting(key, value, source));
    }
    return settings;
  }

  /** The text Flyway hands to {@link Properties#load}, line for line. */
  private static String prepared(String[] lines) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim().replace("\\", "\\\\");
      if (line.endsWith("\\\\") && i < lines.length - 1 && continues(lines[i + 1])) {
        line = line.substring(0, line.length() - 2) + "\\";
      }
      text.append(line).append('\n');
    }
    return text.toString();
  }

  /**
   * Whether a line ending in a backslash continues on {@code next}: not before a blank line, nor
   * before a new {@code flyway.} property unless that holds {@code ==} or {@code !=} ({@code
   * SqlScriptMetadata.isMultilineBooleanExpression}).
   */
  private static boolean continues(String next) {
    if (next.isEmpty()) {
      return false;
    }
    if (next.trim().startsWith("flyway.") && next.contains("=")) {
      return !next.startsWith("shouldExecute") && (next.contains("==") || next.contains("!="));
    }
    return true;
  }

  /** The last line that sets {@code key}, as the last one wins; 0 when it cannot be told. */
  private static int lineOf(String[] lines, String key) {
    Pattern setting = Pattern.compile("\\s*" + Pattern.quote(key) + "(?:\\s*[=:\\s].*)?");
    int found = 0;
    for (int i = 0; i < lines.length; i++) {
      if (setting.matcher(lines[i]).matches()) {
        found = i + 1;
      }
    }
    return found;
  }
}

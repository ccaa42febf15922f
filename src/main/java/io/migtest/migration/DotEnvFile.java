package io.migtest.migration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A committed {@code .env}, as godotenv reads it for dbmate ({@code main.go} {@code loadEnvFiles}):
 * {@code KEY=value}, {@code export KEY=value} or {@code KEY: value}, values in quotes or followed
 * by {@code # comment}.
 */
final class DotEnvFile {
  static final String NAME = ".env";

  private static final Pattern LINE =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*[=:]\\s*(.*)$");

  private DotEnvFile() {}

  /** The values of the variables {@code names} in {@code text}, the last of each winning. */
  static Map<String, ToolSetting> values(String text, Set<String> names) {
    Map<String, ToolSetting> values = new LinkedHashMap<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (m.matches() && names.contains(m.group(1))) {
        values.put(
            m.group(1), new ToolSetting(m.group(1), value(m.group(2)), NAME + " line " + (i + 1)));
      }
    }
    return values;
  }

  /** A value without its quotes, or without a trailing {@code # comment} when unquoted. */
  private static String value(String raw) {
    String value = raw.strip();
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.indexOf(value.charAt(0), 1) > 0) {
      return value.substring(1, value.indexOf(value.charAt(0), 1));
    }
    int comment = value.indexOf(" #");
    return (comment < 0 ? value : value.substring(0, comment)).strip();
  }
}

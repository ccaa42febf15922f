package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dbmate settings that change how migrations run, from a committed {@code .env}, which dbmate
 * loads before reading its flags ({@code main.go} {@code loadEnvFiles}, godotenv): {@code
 * DBMATE_MIGRATIONS_DIR} and {@code DBMATE_MIGRATIONS_TABLE}.
 *
 * @param folders the migrations folders relative to the project, empty when not configured
 * @param table the history table, {@code schema_migrations} unless set
 */
public record DbmateSettings(List<String> folders, String table, ToolConfig config) {
  static final String FILE = ".env";
  private static final String DIR = "DBMATE_MIGRATIONS_DIR";
  private static final String TABLE = "DBMATE_MIGRATIONS_TABLE";

  /** {@code KEY=value}, {@code export KEY=value} or {@code KEY: value}, as godotenv reads them. */
  private static final Pattern LINE =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*[=:]\\s*(.*)$");

  static final DbmateSettings DEFAULTS =
      new DbmateSettings(List.of(), "schema_migrations", ToolConfig.NONE);

  static DbmateSettings read(ProjectFiles files) {
    List<Finding> problems = new ArrayList<>();
    Optional<String> text = ToolConfigFile.read(files, FILE, problems);
    if (text.isEmpty()) {
      return new DbmateSettings(
          List.of(), "schema_migrations", new ToolConfig(List.of(), List.of(), problems));
    }
    Map<String, ToolSetting> taken = new LinkedHashMap<>();
    List<String> lines = text.get().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      if (m.matches() && (m.group(1).equals(DIR) || m.group(1).equals(TABLE))) {
        taken.put(
            m.group(1), new ToolSetting(m.group(1), value(m.group(2)), FILE + " line " + (i + 1)));
      }
    }
    List<String> folders = new ArrayList<>();
    ToolSetting dir = taken.get(DIR);
    if (dir != null) {
      // urfave/cli splits a slice flag's variable at commas; dbmate reads every folder.
      List<String> named =
          Arrays.stream(dir.value().split(","))
              .map(String::strip)
              .filter(d -> !d.isEmpty())
              .toList();
      for (String folder : named) {
        String normal = ProjectPaths.inside(folder);
        if (normal == null || !files.isFolder(normal)) {
          problems.add(
              ToolConfigFile.warning(
                  dir.source(),
                  DIR
                      + " names "
                      + folder
                      + ", which is not a folder inside the project: migtest does not read"
                      + " migrations from it. Pass --migrations to name the folder."));
        } else {
          folders.add(normal);
        }
      }
      if (folders.size() > 1) {
        problems.add(
            ToolConfigFile.warning(
                dir.source(),
                "dbmate reads every folder of "
                    + DIR
                    + "; migtest reads only the first, "
                    + folders.get(0)
                    + ". Pass --migrations to pick another."));
      }
    }
    ToolSetting table = taken.get(TABLE);
    return new DbmateSettings(
        folders.isEmpty() ? List.of() : List.of(folders.get(0)),
        table == null || table.value().isEmpty() ? "schema_migrations" : table.value(),
        new ToolConfig(List.of(FILE), List.copyOf(taken.values()), problems));
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

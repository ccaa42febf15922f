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
 * DBMATE_MIGRATIONS_DIR}, {@code DBMATE_MIGRATIONS_TABLE}, {@code DBMATE_STRICT}, and of {@code
 * DATABASE_URL} only its {@code search_path} parameter (the rest of the URL is never read).
 *
 * @param folders the migrations folders relative to the project, empty when not configured
 * @param table the history table, {@code schema_migrations} unless set
 * @param strict {@code --strict}: dbmate refuses a pending migration older than the newest applied
 *     one ({@code pkg/dbmate/db.go} {@code Migrate})
 * @param searchPath the database URL's {@code search_path}, or null
 */
public record DbmateSettings(
    List<String> folders,
    String table,
    boolean strict,
    DbmateSearchPath searchPath,
    ToolConfig config) {
  static final String FILE = ".env";
  private static final String DIR = "DBMATE_MIGRATIONS_DIR";
  private static final String TABLE = "DBMATE_MIGRATIONS_TABLE";
  private static final String STRICT = "DBMATE_STRICT";
  private static final String URL = "DATABASE_URL";

  /** {@code KEY=value}, {@code export KEY=value} or {@code KEY: value}, as godotenv reads them. */
  private static final Pattern LINE =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*[=:]\\s*(.*)$");

  static final DbmateSettings DEFAULTS =
      new DbmateSettings(List.of(), "schema_migrations", false, null, ToolConfig.NONE);

  static DbmateSettings read(ProjectFiles files) {
    List<Finding> problems = new ArrayList<>();
    Optional<String> text = ToolConfigFile.read(files, FILE, problems);
    if (text.isEmpty()) {
      return new DbmateSettings(
          List.of(),
          "schema_migrations",
          false,
          null,
          new ToolConfig(List.of(), List.of(), problems));
    }
    Map<String, ToolSetting> taken = new LinkedHashMap<>();
    List<String> lines = text.get().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = LINE.matcher(lines.get(i));
      String source = FILE + " line " + (i + 1);
      if (m.matches() && List.of(DIR, TABLE, STRICT).contains(m.group(1))) {
        taken.put(m.group(1), new ToolSetting(m.group(1), value(m.group(2)), source));
      } else if (m.matches() && m.group(1).equals(URL)) {
        DbmateSearchPath.fromUrl(value(m.group(2)))
            .ifPresent(
                path ->
                    taken.put(
                        DbmateSearchPath.PARAMETER,
                        new ToolSetting(
                            URL + " " + DbmateSearchPath.PARAMETER, path.value(), source)));
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
    ToolSetting strict = taken.get(STRICT);
    return new DbmateSettings(
        folders.isEmpty() ? List.of() : List.of(folders.get(0)),
        table == null || table.value().isEmpty() ? "schema_migrations" : table.value(),
        // urfave/cli reads a bool flag's variable with strconv.ParseBool.
        strict != null && List.of("1", "t", "T", "true", "TRUE", "True").contains(strict.value()),
        searchPath(taken.get(DbmateSearchPath.PARAMETER), problems),
        new ToolConfig(List.of(FILE), List.copyOf(taken.values()), problems));
  }

  /**
   * The search path, or null when none is set or PostgreSQL would refuse it (then a finding: dbmate
   * could not connect).
   */
  private static DbmateSearchPath searchPath(ToolSetting setting, List<Finding> problems) {
    if (setting == null) {
      return null;
    }
    DbmateSearchPath path = new DbmateSearchPath(setting.value());
    if (path.isValid()) {
      return path;
    }
    problems.add(
        ToolConfigFile.invalid(
            setting.source(),
            "search_path is '"
                + setting.value()
                + "', which PostgreSQL refuses (a list of schema names separated by commas,"
                + " each plain or in double quotes), so dbmate could not connect. Fix the"
                + " value; migtest runs without it."));
    return null;
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

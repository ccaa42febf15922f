package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dbmate settings that change how migrations run, from a committed {@code .env}, which dbmate
 * loads before reading its flags ({@code main.go} {@code loadEnvFiles}, godotenv): {@code
 * DBMATE_MIGRATIONS_DIR}, {@code DBMATE_MIGRATIONS_TABLE}, {@code DBMATE_STRICT}, and of {@code
 * DATABASE_URL} only its {@code search_path} parameter (the rest of the URL is never read); the
 * {@code dbmate} section of migtest.yml wins over the file.
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
  /** The variable of {@code --migrations-dir}; also the key of its override. */
  public static final String MIGRATIONS_DIR = "DBMATE_MIGRATIONS_DIR";

  /** The variable of {@code --migrations-table}. */
  public static final String MIGRATIONS_TABLE = "DBMATE_MIGRATIONS_TABLE";

  /** The variable of {@code --strict}. */
  public static final String STRICT = "DBMATE_STRICT";

  /** The key of the database URL's {@code search_path} among the settings. */
  public static final String SEARCH_PATH = DbmateSearchPath.PARAMETER;

  private static final String URL = "DATABASE_URL";
  private static final String DEFAULT_TABLE = "schema_migrations";

  static final DbmateSettings DEFAULTS =
      new DbmateSettings(List.of(), DEFAULT_TABLE, false, null, ToolConfig.NONE);

  /**
   * {@code value} as urfave/cli reads a bool flag's variable, with Go's {@code strconv.ParseBool};
   * empty when dbmate would refuse it.
   */
  public static Optional<Boolean> bool(String value) {
    if (List.of("1", "t", "T", "true", "TRUE", "True").contains(value)) {
      return Optional.of(true);
    }
    if (List.of("0", "f", "F", "false", "FALSE", "False").contains(value)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /**
   * Reads the {@code .env} of {@code files}, then takes {@code overrides} (keyed like the
   * variables, the search path by {@link #SEARCH_PATH}) over it.
   */
  static DbmateSettings read(ProjectFiles files, Map<String, ToolSetting> overrides) {
    List<Finding> problems = new ArrayList<>();
    Optional<String> text = ToolConfigFile.read(files, DotEnvFile.NAME, problems);
    Map<String, ToolSetting> taken = new LinkedHashMap<>();
    text.ifPresent(
        t ->
            taken.putAll(
                DotEnvFile.values(t, Set.of(MIGRATIONS_DIR, MIGRATIONS_TABLE, STRICT, URL))));
    ToolSetting url = taken.remove(URL);
    if (url != null) {
      DbmateSearchPath.fromUrl(url.value())
          .ifPresent(
              path ->
                  taken.put(
                      SEARCH_PATH,
                      new ToolSetting(URL + " " + SEARCH_PATH, path.value(), url.source())));
    }
    taken.putAll(overrides);
    ToolSetting table = taken.get(MIGRATIONS_TABLE);
    return new DbmateSettings(
        folders(taken.get(MIGRATIONS_DIR), files, problems),
        table == null || table.value().isBlank() ? DEFAULT_TABLE : table.value().strip(),
        strict(taken.get(STRICT), problems),
        searchPath(taken.get(SEARCH_PATH), problems),
        new ToolConfig(
            text.isPresent() ? List.of(DotEnvFile.NAME) : List.of(),
            List.copyOf(taken.values()),
            problems));
  }

  /**
   * The first folder {@code dir} names inside the project: urfave/cli splits a slice flag's
   * variable at commas and dbmate reads every folder; migtest reads one, and warns.
   */
  private static List<String> folders(ToolSetting dir, ProjectFiles files, List<Finding> problems) {
    if (dir == null) {
      return List.of();
    }
    List<String> folders = new ArrayList<>();
    List<String> named =
        Arrays.stream(dir.value().split(",")).map(String::strip).filter(d -> !d.isEmpty()).toList();
    for (String folder : named) {
      String normal = ProjectPaths.inside(folder);
      if (normal == null || !files.isFolder(normal)) {
        problems.add(
            ToolConfigFile.warning(
                dir.source(),
                dir.key()
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
                  + dir.key()
                  + "; migtest reads only the first, "
                  + folders.get(0)
                  + ". Pass --migrations to pick another."));
    }
    return folders.isEmpty() ? List.of() : List.of(folders.get(0));
  }

  /** An empty value is no flag, as in urfave/cli; one it cannot read stops dbmate. */
  private static boolean strict(ToolSetting strict, List<Finding> problems) {
    if (strict == null || strict.value().isEmpty()) {
      return false;
    }
    Optional<Boolean> value = bool(strict.value());
    if (value.isEmpty()) {
      problems.add(
          ToolConfigFile.invalid(
              strict.source(),
              strict.key()
                  + " is '"
                  + strict.value()
                  + "', which dbmate does not read as true or false, so it stops before"
                  + " migrating. Write true or false; migtest runs as without --strict."));
    }
    return value.orElse(false);
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
            setting.key()
                + " is '"
                + setting.value()
                + "', which PostgreSQL refuses (a list of schema names separated by commas,"
                + " each plain or in double quotes), so dbmate could not connect. Fix the"
                + " value; migtest runs without it."));
    return null;
  }
}

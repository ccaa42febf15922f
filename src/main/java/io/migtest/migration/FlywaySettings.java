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
 * The Flyway settings that change how migrations run, from {@code flyway.toml} when it exists, else
 * from {@code conf/flyway.conf} and then {@code flyway.conf} (the later wins), as Flyway's command
 * line picks them ({@code ConfigurationManagerImpl}, {@code ConfigUtils}); placeholders in
 * migtest.yml win over theirs.
 *
 * @param locations the migrations folders, relative to the project; empty when none is configured
 * @param defaultSchema {@code defaultSchema}, else the first of {@code schemas}, else null
 * @param schemas the schemas Flyway creates before migrating, the default one first
 * @param initSql {@code initSql}, run on every connection, or null
 */
public record FlywaySettings(
    List<String> locations,
    FlywayNames names,
    Placeholders placeholders,
    boolean mixed,
    boolean outOfOrder,
    List<String> ignoreMigrationPatterns,
    boolean validateMigrationNaming,
    String defaultSchema,
    List<String> schemas,
    String initSql,
    String table,
    ToolConfig config) {

  /** Keys of placeholders start with this ({@code placeholders.schema}). */
  static final String PLACEHOLDERS = "placeholders.";

  private static final Set<String> KEYS =
      Set.of(
          "locations",
          "sqlMigrationPrefix",
          "repeatableSqlMigrationPrefix",
          "sqlMigrationSeparator",
          "sqlMigrationSuffixes",
          "placeholderReplacement",
          "placeholderPrefix",
          "placeholderSuffix",
          "placeholderSeparator",
          "mixed",
          "outOfOrder",
          "ignoreMigrationPatterns",
          "group",
          "validateMigrationNaming",
          "defaultSchema",
          "schemas",
          "initSql",
          "table",
          "environment");

  /** Flyway's defaults, with no configuration file. */
  static final FlywaySettings DEFAULTS =
      of(Map.of(), new ArrayList<>(), List.of(), ToolOptions.NONE, null);

  /** True for the keys (without {@code flyway.}) that migtest reads. */
  public static boolean reads(String key) {
    return KEYS.contains(key) || key.startsWith(PLACEHOLDERS);
  }

  /** Reads the configuration files of {@code files}. */
  static FlywaySettings read(ProjectFiles files, ToolOptions options) {
    List<Finding> problems = new ArrayList<>();
    List<String> read = new ArrayList<>();
    Map<String, ToolSetting> settings = new LinkedHashMap<>();
    Optional<String> toml = ToolConfigFile.read(files, "flyway.toml", problems);
    if (toml.isPresent()) {
      read.add("flyway.toml");
      settings.putAll(FlywayTomlFile.read("flyway.toml", toml.get(), problems));
    } else {
      for (String conf : List.of("conf/flyway.conf", "flyway.conf")) {
        Optional<String> text = ToolConfigFile.read(files, conf, problems);
        if (text.isPresent()) {
          read.add(conf);
          settings.putAll(FlywayConfFile.read(conf, text.get(), problems));
        }
      }
    }
    settings.putAll(options.flywaySettings());
    return of(settings, problems, read, options, files);
  }

  private static FlywaySettings of(
      Map<String, ToolSetting> s,
      List<Finding> problems,
      List<String> read,
      ToolOptions options,
      ProjectFiles files) {
    String separator = text(s, "placeholderSeparator", ":");
    String table = text(s, "table", "flyway_schema_history");
    List<String> configuredSchemas = list(s, "schemas", List.of());
    String defaultSchema =
        text(s, "defaultSchema", configuredSchemas.isEmpty() ? null : configuredSchemas.get(0));
    List<String> schemas = new ArrayList<>(configuredSchemas);
    if (defaultSchema != null && !schemas.contains(defaultSchema)) {
      schemas.add(0, defaultSchema);
    }
    Map<String, String> values = new LinkedHashMap<>();
    s.forEach(
        (key, setting) -> {
          if (key.startsWith(PLACEHOLDERS)) {
            values.put(key.substring(PLACEHOLDERS.length()), setting.value());
          }
        });
    String builtIn = "flyway" + separator;
    values.put(builtIn + "defaultSchema", defaultSchema == null ? "public" : defaultSchema);
    values.put(builtIn + "user", options.databaseUser());
    values.put(builtIn + "database", options.databaseName());
    values.put(builtIn + "timestamp", options.timestamp());
    values.put(builtIn + "workingDirectory", options.workingDirectory());
    values.put(builtIn + "table", table);
    values.put(builtIn + "environment", text(s, "environment", "default"));
    Placeholders placeholders =
        new Placeholders(
            bool(s, "placeholderReplacement", true, problems),
            text(s, "placeholderPrefix", "${"),
            text(s, "placeholderSuffix", "}"),
            builtIn,
            values);
    FlywayNames names =
        new FlywayNames(
            text(s, "sqlMigrationPrefix", "V"),
            text(s, "repeatableSqlMigrationPrefix", "R"),
            text(s, "sqlMigrationSeparator", "__"),
            list(s, "sqlMigrationSuffixes", List.of(".sql")));
    if (bool(s, "group", false, problems)) {
      problems.add(
          ToolConfigFile.note(
              s.get("group").source(),
              "group=true: Flyway runs all pending migrations in one transaction; migtest runs"
                  + " each in its own, so a failure rolls back only that migration here, and a"
                  + " later migration sees the earlier ones committed."));
    }
    List<String> locations =
        s.containsKey("locations") && files != null
            ? FlywayLocations.folders(s.get("locations"), files, problems)
            : List.of();
    return new FlywaySettings(
        locations,
        names,
        placeholders,
        bool(s, "mixed", false, problems),
        bool(s, "outOfOrder", false, problems),
        list(s, "ignoreMigrationPatterns", List.of("*:future")),
        bool(s, "validateMigrationNaming", false, problems),
        defaultSchema,
        List.copyOf(schemas),
        text(s, "initSql", null),
        table,
        new ToolConfig(read, List.copyOf(s.values()), problems));
  }

  /**
   * True when {@code ignoreMigrationPatterns} lets validate pass over versioned migrations in
   * {@code state} ({@code missing}, {@code ignored}, ...), as {@code ValidatePattern} matches
   * {@code type:state} with {@code *} for any ({@code api/pattern/ValidatePattern.java}).
   */
  boolean ignores(String state) {
    return ignoreMigrationPatterns.stream()
        .map(p -> p.toLowerCase(java.util.Locale.ROOT).split(":", 2))
        .anyMatch(
            p ->
                p.length == 2
                    && (p[0].equals("*") || p[0].equals("versioned"))
                    && (p[1].equals("*") || p[1].equals(state)));
  }

  /** The history table, in the default schema. */
  HistoryTable historyTable() {
    return HistoryTable.flyway(schemas, table);
  }

  /**
   * What each connection runs first: {@code configuredInitSql} (migtest's init-sql) or else
   * Flyway's {@code initSql}, then, with a default schema, that schema put first on the search path
   * as Flyway does before each migration ({@code PostgreSQLConnection.changeCurrentSchemaTo}).
   */
  String sessionSql(String configuredInitSql) {
    String init = configuredInitSql != null ? configuredInitSql : initSql == null ? "" : initSql;
    if (defaultSchema == null) {
      return init;
    }
    String first = HistoryTable.quoted(defaultSchema) + ",";
    return init
        + "\n;\nSELECT set_config('search_path', '"
        + first.replace("'", "''")
        + "' || current_setting('search_path'), false)";
  }

  private static String text(Map<String, ToolSetting> s, String key, String fallback) {
    ToolSetting setting = s.get(key);
    return setting == null ? fallback : setting.value();
  }

  private static List<String> list(Map<String, ToolSetting> s, String key, List<String> fallback) {
    ToolSetting setting = s.get(key);
    if (setting == null) {
      return fallback;
    }
    return Arrays.stream(setting.value().split(","))
        .map(String::strip)
        .filter(v -> !v.isEmpty())
        .toList();
  }

  /** Flyway accepts {@code true} and {@code false} in any case, and refuses anything else. */
  private static boolean bool(
      Map<String, ToolSetting> s, String key, boolean fallback, List<Finding> problems) {
    ToolSetting setting = s.get(key);
    if (setting == null) {
      return fallback;
    }
    if (setting.value().equalsIgnoreCase("true") || setting.value().equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(setting.value().toLowerCase(java.util.Locale.ROOT));
    }
    problems.add(
        ToolConfigFile.invalid(
            setting.source(),
            "Invalid value for "
                + setting.key()
                + " (should be either true or false): "
                + setting.value()
                + ". Flyway refuses it; migtest uses "
                + fallback
                + "."));
    return fallback;
  }
}

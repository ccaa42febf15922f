package io.migtest.config;

import io.migtest.DurationText;
import io.migtest.MigtestException;
import io.migtest.db.Timeouts;
import io.migtest.fs.ProjectBoundary;
import io.migtest.fs.SigningKey;
import io.migtest.gate.ApplySettings;
import io.migtest.gate.DataSettings;
import io.migtest.gate.GateId;
import io.migtest.gate.GateMode;
import io.migtest.gate.GatePlan;
import io.migtest.gate.MutationSettings;
import io.migtest.gate.MutationStateFile;
import io.migtest.gate.PerformanceSettings;
import io.migtest.migration.Layouts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Merges {@code migtest.yml}, then the environment ({@code MIGTEST_*}, {@code DATABASE_URL}), then
 * the flags, the later winning, and validates the result with errors that name key and source.
 */
public final class ConfigResolver {
  public static final String DEFAULT_FILE = "migtest.yml";

  /**
   * Below these, migtest's own statements (history table, session settings) would time out and the
   * run could not say anything useful about the migrations.
   */
  private static final Map<String, Duration> MINIMUMS =
      Map.of(
          ConfigKeys.STATEMENT_TIMEOUT,
          Duration.ofMillis(100),
          ConfigKeys.TIMEOUT,
          Duration.ofSeconds(1));

  private ConfigResolver() {}

  /**
   * @param configFile an explicit {@code --config} file, or null for {@code migtest.yml} if present
   * @param flags settings given on the command line, keyed like the file
   */
  public static Config resolve(
      Path projectDir, Path configFile, Map<String, String> env, Map<String, Setting> flags) {
    Map<String, Setting> merged = new LinkedHashMap<>();
    Path file =
        configFile != null
            ? Path.of("").toAbsolutePath().resolve(configFile)
            : projectDir.resolve(DEFAULT_FILE);
    if (configFile != null) {
      ProjectBoundary.refuseLinksOut(
          file, List.of(projectDir, Path.of("").toAbsolutePath()), "--config file");
    }
    if (configFile != null && !Files.isRegularFile(file)) {
      throw MigtestException.usage("Config file " + configFile + " does not exist.");
    }
    if (configFile == null && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      checkDefaultFile(projectDir, file);
    }
    if (Files.isRegularFile(file)) {
      merged.putAll(YamlConfigFile.read(file));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(flags);
    return build(projectDir, merged, env);
  }

  /**
   * The repository's own {@code migtest.yml} must be a file inside the project: a link to a file
   * elsewhere would make migtest, running as root, print parts of that file in its errors.
   */
  private static void checkDefaultFile(Path projectDir, Path file) {
    if (!ProjectBoundary.of(projectDir).contains(file) || !Files.isRegularFile(file)) {
      throw MigtestException.usage(
          DEFAULT_FILE
              + " in "
              + projectDir
              + " is not a file inside the project (a symbolic link out of it, or not a regular"
              + " file); migtest reads its configuration only from the project.");
    }
  }

  static Map<String, Setting> fromEnvironment(Map<String, String> env) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    String databaseUrl = env.get("DATABASE_URL");
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      settings.put(ConfigKeys.DATABASE_URL, new Setting(databaseUrl, "DATABASE_URL"));
    }
    List<String> keys = new ArrayList<>(ConfigKeys.FILE_KEYS);
    keys.add(ConfigKeys.GATES);
    keys.add(ConfigKeys.SHARD);
    for (String key : keys) {
      String variable = ConfigKeys.environmentVariable(key);
      String value = env.get(variable);
      if (value != null && !value.isBlank()) {
        settings.put(key, new Setting(value.strip(), variable));
      }
    }
    return settings;
  }

  private static Config build(
      Path projectDir, Map<String, Setting> s, Map<String, String> environment) {
    Setting layout = s.get(ConfigKeys.LAYOUT);
    if (layout != null) {
      try {
        Layouts.named(layout.value());
      } catch (MigtestException e) {
        throw MigtestException.usage(layout.source() + ": " + e.getMessage());
      }
    }
    Map<GateId, GateMode> gates = new EnumMap<>(GateId.class);
    for (GateId gate : GateId.values()) {
      Setting mode = s.get(ConfigKeys.gateKey(gate));
      if (mode != null) {
        gates.put(
            gate,
            GateMode.parse(mode.value())
                .orElseThrow(() -> invalid(mode, ConfigKeys.gateKey(gate), "block, warn or off")));
      }
    }
    checkOneDatabase(s);
    Setting reportDir = s.get(ConfigKeys.REPORT_DIR);
    Setting shard = s.get(ConfigKeys.SHARD);
    return new Config(
        projectDir,
        path(projectDir, s, ConfigKeys.MIGRATIONS),
        layout == null ? null : layout.value(),
        path(projectDir, s, ConfigKeys.TESTS),
        new GatePlan(
            gates,
            selectedGates(s.get(ConfigKeys.GATES)),
            s.get(ConfigKeys.GATES) == null ? null : s.get(ConfigKeys.GATES).source(),
            bool(s, ConfigKeys.LINT_DATABASE),
            performance(projectDir, s),
            data(projectDir, s),
            new ApplySettings(projectDir, schemaFile(projectDir, s.get(ConfigKeys.SCHEMA_FILE))),
            mutation(projectDir, s, environment)),
        value(s, ConfigKeys.BASE),
        reportDir(projectDir, reportDir),
        value(s, ConfigKeys.DATABASE_URL),
        value(s, ConfigKeys.POSTGRES_IMAGE),
        new Timeouts(
            duration(s, ConfigKeys.STATEMENT_TIMEOUT, Timeouts.DEFAULT.statementTimeout()),
            duration(s, ConfigKeys.LOCK_TIMEOUT, Timeouts.DEFAULT.lockTimeout())),
        value(s, ConfigKeys.TEST_COMMAND),
        shard == null ? null : Shard.parse(shard.value(), shard.source()),
        duration(s, ConfigKeys.TIMEOUT, Config.DEFAULT_RUN_TIMEOUT),
        value(s, ConfigKeys.INIT_SQL),
        setupFiles(projectDir, s.get(ConfigKeys.SETUP)),
        ToolOverrides.flywaySettings(s),
        ToolOverrides.golangMigrate(s),
        ToolOverrides.dbmateSettings(s),
        lintRules(s),
        Map.copyOf(environment));
  }

  /** A true/false setting, false when absent. */
  private static boolean bool(Map<String, Setting> s, String key) {
    Setting setting = s.get(key);
    if (setting == null) {
      return false;
    }
    return switch (setting.value().strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw MigtestException.usage(
              setting.source() + ": " + key + " is `" + setting.value() + "`; use true or false.");
    };
  }

  /** The {@code performance} section, each value checked against its range. */
  private static PerformanceSettings performance(Path projectDir, Map<String, Setting> s) {
    PerformanceSettings d = PerformanceSettings.defaults(projectDir);
    String baseline = value(s, ConfigKeys.PERFORMANCE_BASELINE);
    if (baseline != null && s.get(ConfigKeys.PERFORMANCE_BASELINE).fromFile()) {
      // migtest baseline update writes it.
      ProjectBoundary.of(projectDir)
          .insideForWriting(
              baseline,
              ConfigKeys.PERFORMANCE_BASELINE,
              s.get(ConfigKeys.PERFORMANCE_BASELINE).source());
    }
    return new PerformanceSettings(
        number(
            s,
            ConfigKeys.PERFORMANCE_SCALE,
            d.scale(),
            1,
            PerformanceSettings.MAX_SCALE,
            "rows per table; seeding more would not fit a throwaway database"),
        (int)
            number(
                s,
                ConfigKeys.PERFORMANCE_REPEATS,
                d.repeats(),
                1,
                PerformanceSettings.MAX_REPEATS,
                "runs of each migration"),
        number(
            s, ConfigKeys.PERFORMANCE_THRESHOLD, (long) d.thresholdPercent(), 1, 1000, "percent"),
        duration(s, ConfigKeys.PERFORMANCE_NOISE_FLOOR, d.noiseFloor()),
        number(
            s,
            ConfigKeys.PERFORMANCE_LARGE_TABLE_ROWS,
            d.largeTableRows(),
            0,
            Long.MAX_VALUE,
            "rows"),
        projectDir,
        baseline == null ? d.baseline() : projectDir.resolve(baseline).normalize(),
        baseline == null ? d.baselineName() : baseline,
        bool(s, ConfigKeys.PERFORMANCE_UPDATE_BASELINE));
  }

  /** The {@code mutation} section: threshold, operators turned off, workers, the state file. */
  private static MutationSettings mutation(
      Path projectDir, Map<String, Setting> s, Map<String, String> environment) {
    MutationSettings d = MutationSettings.defaults();
    Setting threshold = s.get(ConfigKeys.MUTATION_THRESHOLD);
    double percent = d.threshold();
    if (threshold != null && !threshold.value().isBlank()) {
      try {
        percent = Double.parseDouble(threshold.value().strip().replace("%", ""));
      } catch (NumberFormatException e) {
        throw invalid(threshold, ConfigKeys.MUTATION_THRESHOLD, "a percentage from 0 to 100");
      }
      if (percent < 0 || percent > 100) {
        throw invalid(threshold, ConfigKeys.MUTATION_THRESHOLD, "a percentage from 0 to 100");
      }
    }
    Setting disable = s.get(ConfigKeys.MUTATION_DISABLE);
    java.util.Set<String> disabled =
        disable == null || disable.value().isBlank()
            ? java.util.Set.of()
            : MutationSettings.disabledEntries(
                List.of(disable.value().split(disable.fromFile() ? "\n" : ",")), disable.source());
    Setting shardSetting = s.get(ConfigKeys.SHARD);
    Shard shard =
        shardSetting == null ? null : Shard.parse(shardSetting.value(), shardSetting.source());
    return new MutationSettings(
        percent,
        bool(s, ConfigKeys.MUTATION_FAIL_ON_CRITICAL),
        disabled,
        (int) number(s, ConfigKeys.MUTATION_WORKERS, d.workers(), 1, 64, "databases at once"),
        shard == null ? 1 : shard.index(),
        shard == null ? 1 : shard.count(),
        stateFile(projectDir, s.get(ConfigKeys.MUTATION_STATE_FILE), environment));
  }

  /**
   * The mutation state file: a file inside the project (default {@code .migtest/state.json}), or
   * null for {@code off} and when no signing key can be kept (no home folder).
   */
  private static MutationStateFile stateFile(
      Path projectDir, Setting setting, Map<String, String> environment) {
    String name =
        setting == null || setting.value().isBlank()
            ? MutationSettings.DEFAULT_STATE_FILE
            : setting.value().strip();
    if (name.equals("off")) {
      return null;
    }
    // A path the configuration names must stay inside the project; the default is checked when
    // the file is read and written (a committed link in its place is never followed).
    Path file =
        setting == null
            ? projectDir.resolve(name).normalize()
            : ProjectBoundary.of(projectDir)
                .insideForWriting(name, ConfigKeys.MUTATION_STATE_FILE, setting.source());
    if (file.equals(projectDir.normalize()) || file.getFileName() == null) {
      throw invalid(setting, ConfigKeys.MUTATION_STATE_FILE, "a file inside the project, or off");
    }
    Optional<Path> keyFolder = SigningKey.folder(environment);
    return keyFolder.map(folder -> new MutationStateFile(file, projectDir, folder)).orElse(null);
  }

  /**
   * The schema file of the drift check: a file inside the project (it is read as root), or null.
   */
  private static String schemaFile(Path projectDir, Setting setting) {
    if (setting == null || setting.value().isBlank()) {
      return null;
    }
    String name = setting.value().strip();
    Path path =
        ProjectBoundary.of(projectDir).inside(name, ConfigKeys.SCHEMA_FILE, setting.source());
    if (!Files.isRegularFile(path)) {
      throw MigtestException.usage(
          setting.source()
              + ": the schema file "
              + name
              + " does not exist under "
              + projectDir
              + ".");
    }
    return name;
  }

  /** The {@code data} section: rows per table, and the seed files that replace them. */
  private static DataSettings data(Path projectDir, Map<String, Setting> s) {
    long rows =
        number(
            s,
            ConfigKeys.DATA_ROWS,
            DataSettings.defaults(projectDir).rowsPerTable(),
            1,
            DataSettings.MAX_ROWS,
            "rows per table");
    return new DataSettings(rows, projectDir, seedFiles(projectDir, s.get(ConfigKeys.DATA_SEED)));
  }

  /**
   * The seed files: each named file, and the {@code *.sql} files of each named folder in name
   * order; without the setting, those of {@value DataSettings#DEFAULT_SEED_FOLDER} when it exists.
   * They are read as root, so each must be inside the project.
   */
  private static List<String> seedFiles(Path projectDir, Setting setting) {
    boolean configured = setting != null && !setting.value().isBlank();
    String source = configured ? setting.source() : "the default seed folder";
    String value = configured ? setting.value() : DataSettings.DEFAULT_SEED_FOLDER;
    List<String> files = new ArrayList<>();
    ProjectBoundary boundary = ProjectBoundary.of(projectDir);
    for (String entry : value.split(configured && setting.fromFile() ? "\n" : ",")) {
      String name = entry.strip();
      if (name.isEmpty()) {
        continue;
      }
      Path path = boundary.inside(name, ConfigKeys.DATA_SEED, source);
      if (Files.isDirectory(path)) {
        try (var listed = Files.list(path)) {
          listed
              .filter(f -> f.getFileName().toString().endsWith(".sql") && Files.isRegularFile(f))
              .map(f -> projectDir.relativize(f).toString().replace('\\', '/'))
              .sorted()
              .forEach(
                  f -> {
                    boundary.inside(f, ConfigKeys.DATA_SEED, source);
                    files.add(f);
                  });
        } catch (IOException e) {
          throw MigtestException.usage(
              source + ": cannot list the seed folder " + name + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(path)) {
        files.add(name);
      } else if (configured) {
        throw MigtestException.usage(
            source
                + ": the seed file or folder "
                + name
                + " does not exist under "
                + projectDir
                + ".");
      }
    }
    return List.copyOf(files);
  }

  /** A whole number within {@code [min, max]}, or {@code fallback} when absent. */
  private static long number(
      Map<String, Setting> s, String key, long fallback, long min, long max, String unit) {
    Setting setting = s.get(key);
    if (setting == null || setting.value().isBlank()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(setting.value().strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw invalid(setting, key, "a whole number (" + unit + ")");
    }
    if (value < min || value > max) {
      throw invalid(
          setting,
          key,
          "from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max) + " (" + unit + ")");
    }
    return value;
  }

  /** The {@code lint.rules} entries by rule id. */
  private static Map<String, Setting> lintRules(Map<String, Setting> s) {
    Map<String, Setting> rules = new java.util.TreeMap<>();
    s.forEach(
        (key, setting) -> {
          String rule = ConfigKeys.entryOf(ConfigKeys.LINT_RULES, key);
          if (rule != null) {
            rules.put(rule, setting);
          }
        });
    return Map.copyOf(rules);
  }

  /** A URL and an image name two different databases; picking one silently would hide a mistake. */
  private static void checkOneDatabase(Map<String, Setting> s) {
    String url = value(s, ConfigKeys.DATABASE_URL);
    String image = value(s, ConfigKeys.POSTGRES_IMAGE);
    if (url != null && image != null) {
      throw MigtestException.usage(
          s.get(ConfigKeys.DATABASE_URL).source()
              + " names an existing server and "
              + s.get(ConfigKeys.POSTGRES_IMAGE).source()
              + " a Docker image to start; migtest uses one database. Remove one of them.");
    }
  }

  /**
   * From the config file relative to the project, and inside it; from flags or environment (set by
   * whoever runs migtest), relative to the current folder and anywhere.
   */
  private static Path reportDir(Path projectDir, Setting setting) {
    Path cwd = Path.of("").toAbsolutePath();
    if (setting == null) {
      return cwd.resolve("migtest-report");
    }
    if (setting.fromFile()) {
      return ProjectBoundary.of(projectDir)
          .insideForWriting(setting.value(), ConfigKeys.REPORT_DIR, setting.source());
    }
    return cwd.resolve(setting.value()).normalize();
  }

  /**
   * A folder relative to the project; one named in the config file must stay inside the project
   * (the repository controls that file), one from a flag or the environment may lead anywhere.
   */
  private static String path(Path projectDir, Map<String, Setting> s, String key) {
    String value = value(s, key);
    if (value != null && s.get(key).fromFile()) {
      ProjectBoundary.of(projectDir).inside(value, key, s.get(key).source());
    }
    return value;
  }

  /**
   * The setup files: one per line in the config file, comma-separated from a flag or the
   * environment. Each must be a file; one named in the config file must be inside the project.
   */
  private static List<String> setupFiles(Path projectDir, Setting setting) {
    if (setting == null || setting.value().isBlank()) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    for (String file : setting.value().split(setting.fromFile() ? "\n" : ",")) {
      String name = file.strip();
      if (name.isEmpty()) {
        continue;
      }
      Path path =
          setting.fromFile()
              ? ProjectBoundary.of(projectDir).inside(name, ConfigKeys.SETUP, setting.source())
              : projectDir.resolve(name).normalize();
      if (!Files.isRegularFile(path)) {
        throw MigtestException.usage(
            setting.source()
                + ": the setup file "
                + name
                + " does not exist under "
                + projectDir
                + ".");
      }
      files.add(name);
    }
    return List.copyOf(files);
  }

  private static List<GateId> selectedGates(Setting setting) {
    if (setting == null) {
      return null;
    }
    List<GateId> gates = new ArrayList<>();
    for (String id : setting.value().split(",")) {
      if (id.isBlank()) {
        continue;
      }
      gates.add(
          GateId.parse(id)
              .orElseThrow(
                  () ->
                      MigtestException.usage(
                          setting.source()
                              + ": unknown gate '"
                              + id.strip()
                              + "'. Gates: lint, apply, rollback, data, mutation, performance.")));
    }
    if (gates.isEmpty()) {
      throw MigtestException.usage(setting.source() + ": name at least one gate.");
    }
    return List.copyOf(gates);
  }

  private static Duration duration(Map<String, Setting> s, String key, Duration fallback) {
    Setting setting = s.get(key);
    if (setting == null) {
      return fallback;
    }
    Duration minimum = MINIMUMS.getOrDefault(key, Duration.ZERO);
    Duration duration =
        DurationText.parse(setting.value())
            .orElseThrow(() -> invalid(setting, key, "a duration such as 500ms, 30s, 5m or 1h"));
    if (duration.compareTo(minimum) < 0) {
      throw invalid(setting, key, "at least " + DurationText.format(minimum));
    }
    return duration;
  }

  private static String value(Map<String, Setting> s, String key) {
    Setting setting = s.get(key);
    return setting == null || setting.value().isBlank() ? null : setting.value();
  }

  /** Names the key in a file ({@code migtest.yml line 4: 'gates.apply' is ...}), else the flag. */
  private static MigtestException invalid(Setting setting, String key, String expected) {
    String what = setting.fromFile() ? setting.source() + ": '" + key + "'" : setting.source();
    return MigtestException.usage(
        what + " is '" + setting.value() + "'; expected " + expected + ".");
  }
}

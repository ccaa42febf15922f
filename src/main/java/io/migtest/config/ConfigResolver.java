package io.migtest.config;

import io.migtest.MigtestException;
import io.migtest.db.Timeouts;
import io.migtest.gate.GateId;
import io.migtest.migration.Layouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges {@code migtest.yml}, then the environment ({@code MIGTEST_*}, {@code DATABASE_URL}), then
 * the flags, the later winning, and validates the result with errors that name key and source.
 */
public final class ConfigResolver {
  public static final String DEFAULT_FILE = "migtest.yml";

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
    if (configFile != null && !Files.isRegularFile(file)) {
      throw MigtestException.usage("Config file " + configFile + " does not exist.");
    }
    if (Files.isRegularFile(file)) {
      merged.putAll(YamlConfigFile.read(file));
    }
    merged.putAll(fromEnvironment(env));
    merged.putAll(flags);
    return build(projectDir, merged);
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

  private static Config build(Path projectDir, Map<String, Setting> s) {
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
    Setting reportDir = s.get(ConfigKeys.REPORT_DIR);
    Setting shard = s.get(ConfigKeys.SHARD);
    return new Config(
        projectDir,
        value(s, ConfigKeys.MIGRATIONS),
        layout == null ? null : layout.value(),
        value(s, ConfigKeys.TESTS),
        gates,
        selectedGates(s.get(ConfigKeys.GATES)),
        value(s, ConfigKeys.BASE),
        reportDir(projectDir, reportDir),
        value(s, ConfigKeys.DATABASE_URL),
        value(s, ConfigKeys.POSTGRES_IMAGE),
        new Timeouts(
            duration(s, ConfigKeys.STATEMENT_TIMEOUT, Timeouts.DEFAULT.statementTimeout()),
            duration(s, ConfigKeys.LOCK_TIMEOUT, Timeouts.DEFAULT.lockTimeout())),
        value(s, ConfigKeys.TEST_COMMAND),
        shard == null ? null : Shard.parse(shard.value(), shard.source()));
  }

  /** From the config file relative to the project; from flags or environment, to the cwd. */
  private static Path reportDir(Path projectDir, Setting setting) {
    Path cwd = Path.of("").toAbsolutePath();
    if (setting == null) {
      return cwd.resolve("migtest-report");
    }
    return (setting.fromFile() ? projectDir : cwd).resolve(setting.value()).normalize();
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
    return DurationText.parse(setting.value())
        .orElseThrow(() -> invalid(setting, key, "a duration such as 500ms, 30s, 5m or 1h"));
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

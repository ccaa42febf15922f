package io.migtest.config;

import io.migtest.MigtestException;
import io.migtest.migration.DbmateSettings;
import io.migtest.migration.FlywaySettings;
import io.migtest.migration.GolangMigrateSettings;
import io.migtest.migration.ToolSetting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings of migtest.yml that stand in for, or win over, a migration tool's own. */
final class ToolOverrides {
  private ToolOverrides() {}

  /**
   * {@code flyway.<setting>} entries keyed by the setting as flyway.conf names it without {@code
   * flyway.} ({@code outOfOrder}, {@code placeholders.schema}); one Flyway has no such setting for,
   * or migtest does not read, is an error.
   */
  static Map<String, ToolSetting> flywaySettings(Map<String, Setting> s) {
    Map<String, ToolSetting> settings = new LinkedHashMap<>();
    for (var entry : s.entrySet()) {
      String key = entry.getKey();
      String name = ConfigKeys.entryOf(ConfigKeys.FLYWAY, key);
      if (name == null) {
        continue;
      }
      Setting setting = entry.getValue();
      if (!FlywaySettings.reads(name)) {
        throw MigtestException.usage(
            setting.source()
                + ": '"
                + key
                + "' is not a Flyway setting migtest reads; see docs/layouts.md, Tool"
                + " configuration, for the list.");
      }
      settings.put(name, new ToolSetting(key, setting.value(), setting.source()));
    }
    return settings;
  }

  /** golang-migrate's URL options, validated as its postgres driver validates them. */
  static GolangMigrateSettings golangMigrate(Map<String, Setting> s) {
    GolangMigrateSettings defaults = GolangMigrateSettings.DEFAULTS;
    List<ToolSetting> taken = new ArrayList<>();
    Setting multi = s.get(ConfigKeys.MULTI_STATEMENT);
    Setting maxSize = s.get(ConfigKeys.MULTI_STATEMENT_MAX_SIZE);
    Setting table = s.get(ConfigKeys.MIGRATIONS_TABLE);
    boolean multiStatement = defaults.multiStatement();
    if (multi != null) {
      if (!multi.value().equalsIgnoreCase("true") && !multi.value().equalsIgnoreCase("false")) {
        throw invalid(multi, ConfigKeys.MULTI_STATEMENT, "true or false");
      }
      multiStatement = Boolean.parseBoolean(multi.value().toLowerCase(java.util.Locale.ROOT));
      taken.add(new ToolSetting(ConfigKeys.MULTI_STATEMENT, multi.value(), multi.source()));
    }
    int size = defaults.multiStatementMaxSize();
    if (maxSize != null) {
      try {
        // As the driver does, a size of 0 or less means the default.
        size = Math.max(0, Integer.parseInt(maxSize.value().strip()));
        size = size == 0 ? defaults.multiStatementMaxSize() : size;
      } catch (NumberFormatException e) {
        throw invalid(maxSize, ConfigKeys.MULTI_STATEMENT_MAX_SIZE, "a number of bytes");
      }
      taken.add(
          new ToolSetting(ConfigKeys.MULTI_STATEMENT_MAX_SIZE, maxSize.value(), maxSize.source()));
    }
    String tableName = defaults.migrationsTable();
    if (table != null && !table.value().isBlank()) {
      tableName = table.value().strip();
      taken.add(new ToolSetting(ConfigKeys.MIGRATIONS_TABLE, tableName, table.source()));
    }
    return new GolangMigrateSettings(multiStatement, size, tableName, taken);
  }

  /**
   * The {@code dbmate} section, keyed by the name dbmate reads each setting under ({@code
   * DBMATE_STRICT}, {@code search_path}); {@code strict} must be a value dbmate reads as a bool.
   */
  static Map<String, ToolSetting> dbmateSettings(Map<String, Setting> s) {
    String[][] names = {
      {ConfigKeys.DBMATE_MIGRATIONS_DIR, DbmateSettings.MIGRATIONS_DIR},
      {ConfigKeys.DBMATE_MIGRATIONS_TABLE, DbmateSettings.MIGRATIONS_TABLE},
      {ConfigKeys.DBMATE_STRICT, DbmateSettings.STRICT},
      {ConfigKeys.DBMATE_SEARCH_PATH, DbmateSettings.SEARCH_PATH}
    };
    Map<String, ToolSetting> settings = new LinkedHashMap<>();
    for (String[] name : names) {
      Setting setting = s.get(name[0]);
      if (setting != null) {
        settings.put(name[1], new ToolSetting(name[0], setting.value(), setting.source()));
      }
    }
    ToolSetting strict = settings.get(DbmateSettings.STRICT);
    if (strict != null && DbmateSettings.bool(strict.value()).isEmpty()) {
      throw invalid(s.get(ConfigKeys.DBMATE_STRICT), ConfigKeys.DBMATE_STRICT, "true or false");
    }
    return settings;
  }

  private static MigtestException invalid(Setting setting, String key, String expected) {
    String what = setting.fromFile() ? setting.source() + ": '" + key + "'" : setting.source();
    return MigtestException.usage(
        what + " is '" + setting.value() + "'; expected " + expected + ".");
  }
}

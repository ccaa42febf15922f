package io.migtest.cli;

import io.migtest.config.ConfigKeys;
import io.migtest.config.Setting;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every command shares: where the migrations are, their layout, and --debug. */
final class MigrationOptions {
  @Option(
      names = "--migrations",
      paramLabel = "PATH",
      description = "Migrations folder, relative to the project (default: detected).")
  String migrations;

  @Option(
      names = "--layout",
      paramLabel = "NAME",
      description =
          "flyway, golang-migrate, dbmate, directory, sqitch, liquibase-sql or plain (default:"
              + " detected).")
  String layout;

  @Option(names = "--debug", description = "Show stack traces of errors.")
  boolean debug;

  /** The options given, as settings named after their flag. */
  Map<String, Setting> settings() {
    Map<String, Setting> settings = new LinkedHashMap<>();
    if (migrations != null) {
      settings.put(ConfigKeys.MIGRATIONS, new Setting(migrations, "--migrations"));
    }
    if (layout != null) {
      settings.put(ConfigKeys.LAYOUT, new Setting(layout, "--layout"));
    }
    return settings;
  }
}

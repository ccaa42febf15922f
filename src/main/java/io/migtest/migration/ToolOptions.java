package io.migtest.migration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the tools' own configuration files cannot say: migtest's overrides of them, and facts of the
 * run that Flyway's built-in placeholders name.
 *
 * @param flywaySettings Flyway settings from migtest.yml ({@code flyway.outOfOrder}, {@code
 *     flyway.placeholders.<name>}), keyed without {@code flyway.}; they win over the tool's
 * @param golangMigrate golang-migrate's URL options, from migtest.yml
 * @param dbmateSettings dbmate settings from migtest.yml, keyed as {@link DbmateSettings#read}
 *     takes them ({@code DBMATE_STRICT}); they win over the project's {@code .env}
 * @param databaseUser the role migtest connects as ({@code ${flyway:user}})
 * @param databaseName the database migtest connects to first ({@code ${flyway:database}})
 * @param timestamp when the run started, as Flyway formats it ({@code ${flyway:timestamp}})
 * @param workingDirectory the project folder, where Flyway would run ({@code
 *     ${flyway:workingDirectory}})
 */
public record ToolOptions(
    Map<String, ToolSetting> flywaySettings,
    GolangMigrateSettings golangMigrate,
    Map<String, ToolSetting> dbmateSettings,
    String databaseUser,
    String databaseName,
    String timestamp,
    String workingDirectory) {

  /** No overrides, for tests and for reading a folder without a run. */
  public static final ToolOptions NONE =
      new ToolOptions(
          Map.of(), GolangMigrateSettings.DEFAULTS, Map.of(), "postgres", "postgres", "", "");

  public ToolOptions {
    flywaySettings = Map.copyOf(flywaySettings);
    dbmateSettings = Collections.unmodifiableMap(new LinkedHashMap<>(dbmateSettings));
  }
}

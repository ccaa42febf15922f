package io.migtest.config;

import io.migtest.SecretRedactor;
import io.migtest.db.Timeouts;
import io.migtest.gate.GatePlan;
import io.migtest.migration.GolangMigrateSettings;
import io.migtest.migration.ToolSetting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs, after {@code migtest.yml}, the environment and the flags were merged
 * (later wins) and validated.
 *
 * @param migrations the migrations folder relative to the project, or null to detect it
 * @param layout a forced layout name, or null to detect it
 * @param tests the tests folder relative to the project, or null for {@code db/tests} if present
 * @param gates which gates run and how their failures count
 * @param base the git ref of the base branch, or null
 * @param databaseUrl an existing server to use, or null
 * @param postgresImage a Docker image to start PostgreSQL from, or null
 * @param testCommand a command whose exit status judges the database, or null
 * @param shard the slice of mutants this run owns, or null for all
 * @param runTimeout the longest the whole run may take; then migtest stops everything it started
 * @param initSql statements run on every connection to a scratch database first, or null
 * @param setup SQL files, relative to the project, run as superuser before the first migration
 * @param flywaySettings Flyway settings from the {@code flyway} section of migtest.yml, keyed as
 *     flyway.conf names them without {@code flyway.} ({@code outOfOrder}, {@code
 *     placeholders.schema}); they win over the project's flyway.conf or flyway.toml
 * @param golangMigrate golang-migrate's URL options
 * @param dbmateSettings dbmate settings from the {@code dbmate} section of migtest.yml, keyed by
 *     the variable dbmate reads ({@code DBMATE_STRICT}, {@code search_path} for the URL's); they
 *     win over the project's {@code .env}
 * @param lintRules the {@code lint.rules} section of migtest.yml: rule id to {@code off}, {@code
 *     error}, {@code warning} or {@code info}, checked against the rules when the run starts
 * @param environment the environment migtest was started with: it decides how child processes
 *     start, and only an allow-list of it reaches them
 */
public record Config(
    Path projectDir,
    String migrations,
    String layout,
    String tests,
    GatePlan gates,
    String base,
    Path reportDir,
    String databaseUrl,
    String postgresImage,
    Timeouts timeouts,
    String testCommand,
    Shard shard,
    Duration runTimeout,
    String initSql,
    List<String> setup,
    Map<String, ToolSetting> flywaySettings,
    GolangMigrateSettings golangMigrate,
    Map<String, ToolSetting> dbmateSettings,
    Map<String, Setting> lintRules,
    Map<String, String> environment) {

  /** The whole-run limit when none is configured. */
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(60);

  /** Never shows a password that the database URL may hold. */
  @Override
  public String toString() {
    return "Config[project="
        + projectDir
        + ", migrations="
        + migrations
        + ", layout="
        + layout
        + ", base="
        + base
        + ", database="
        + (databaseUrl == null ? null : SecretRedactor.PATTERNS_ONLY.redact(databaseUrl))
        + "]";
  }
}

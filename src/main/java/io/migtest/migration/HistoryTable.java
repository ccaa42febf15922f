package io.migtest.migration;

/**
 * The table in which a migration tool records applied versions. migtest keeps it like the tool
 * does, because some migrations read or change it (and so that later gates can leave it out of
 * schema comparisons).
 *
 * @param name the table's name
 * @param create creates the table, as the tool does before the first migration
 * @param record records one migration; {@code {version}}, {@code {description}} and {@code
 *     {script}} are replaced by SQL string literals
 */
public record HistoryTable(String name, String create, String record) {

  /** The statement that records {@code migration} as applied. */
  public String recordOf(Migration migration) {
    return record
        .replace("{version}", literal(migration.version().text()))
        .replace("{description}", literal(migration.description()))
        .replace("{script}", literal(migration.file()));
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** golang-migrate: one row with the current version and a dirty flag. */
  static final HistoryTable GOLANG_MIGRATE =
      new HistoryTable(
          "schema_migrations",
          "CREATE TABLE IF NOT EXISTS schema_migrations"
              + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
          "TRUNCATE schema_migrations;"
              + " INSERT INTO schema_migrations (version, dirty) VALUES ({version}::bigint, false)");

  /** dbmate: one row per applied version. */
  static final HistoryTable DBMATE =
      new HistoryTable(
          "schema_migrations",
          "CREATE TABLE IF NOT EXISTS schema_migrations (version varchar(128) PRIMARY KEY)",
          "INSERT INTO schema_migrations (version) VALUES ({version})");

  /** diesel: one row per applied version, digits only. */
  static final HistoryTable DIESEL =
      new HistoryTable(
          "__diesel_schema_migrations",
          "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY"
              + " NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
          "INSERT INTO __diesel_schema_migrations (version)"
              + " VALUES (regexp_replace({version}, '[^0-9]', '', 'g'))");

  /** Flyway: one row per applied migration with its rank, script and outcome. */
  static final HistoryTable FLYWAY =
      new HistoryTable(
          "flyway_schema_history",
          "CREATE TABLE IF NOT EXISTS flyway_schema_history (installed_rank integer NOT NULL"
              + " PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type"
              + " varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,"
              + " installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT"
              + " now(), execution_time integer NOT NULL, success boolean NOT NULL)",
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " installed_by, execution_time, success) SELECT coalesce(max(installed_rank), 0)"
              + " + 1, NULLIF({version}, 'R'), {description}, 'SQL', {script}, current_user, 0,"
              + " true FROM flyway_schema_history");
}

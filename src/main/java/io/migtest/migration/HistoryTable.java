package io.migtest.migration;

import java.util.List;

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

  /** The table's own name, without the schema it may be qualified with. */
  public String tableName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /** The statement that records {@code migration} as applied. */
  public String recordOf(Migration migration) {
    return record
        .replace("{version}", literal(migration.version().text()))
        .replace("{description}", literal(migration.description()))
        .replace("{script}", literal(migration.file()));
  }

  /**
   * The same table in {@code schema} when its name has none: Flyway, golang-migrate and dbmate name
   * their table with the schema current when they connect, so a migration that changes the search
   * path does not move the table. (diesel's stays unqualified, as diesel writes it.)
   */
  public HistoryTable inSchema(String schema) {
    String table = quoted(name);
    if (schema == null || name.contains(".") || !create.contains(table)) {
      return this;
    }
    String qualified = quoted(schema) + "." + table;
    return new HistoryTable(
        schema + "." + name, create.replace(table, qualified), record.replace(table, qualified));
  }

  /**
   * {@code sql} with {@code %I.%I} the current schema and table {@code name}, as dbmate names it.
   */
  private static String inCurrentSchema(String name, String sql, String moreArguments) {
    return "DO $migtest$ BEGIN EXECUTE format("
        + literal(sql)
        + ", coalesce(current_schema(), 'public'), "
        + literal(name)
        + moreArguments
        + "); END $migtest$";
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** golang-migrate's table, {@code schema_migrations} unless {@code x-migrations-table} says. */
  static final HistoryTable GOLANG_MIGRATE = golangMigrate("schema_migrations");

  /** diesel: one row per applied version, digits only. */
  static final HistoryTable DIESEL =
      new HistoryTable(
          "__diesel_schema_migrations",
          "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version varchar(50) PRIMARY KEY"
              + " NOT NULL, run_on timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP)",
          "INSERT INTO __diesel_schema_migrations (version)"
              + " VALUES (regexp_replace({version}, '[^0-9]', '', 'g'))");

  /**
   * Flyway's table in the current schema, {@code flyway_schema_history} unless {@code table} says.
   */
  static final HistoryTable FLYWAY = flyway(List.of(), "flyway_schema_history");

  /**
   * golang-migrate: one row with the current version and a dirty flag; the name is one identifier,
   * as the postgres driver quotes it ({@code pq.QuoteIdentifier}).
   */
  static HistoryTable golangMigrate(String name) {
    String table = quoted(name);
    return new HistoryTable(
        name,
        "CREATE TABLE IF NOT EXISTS "
            + table
            + " (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)",
        "TRUNCATE "
            + table
            + "; INSERT INTO "
            + table
            + " (version, dirty) VALUES ({version}::bigint, false)");
  }

  /**
   * dbmate: one row per applied version ({@code version varchar primary key}), in the schema dbmate
   * picks ({@code pkg/driver/postgres/postgres.go} {@code migrationsTableNameParts}): the part of
   * {@code name} before a dot, else the first schema of the URL's {@code search_path}, else {@code
   * current_schema()} each time it uses the table, so a migration that changes the search path
   * moves where its own row goes, as here. dbmate creates a named schema only when creating the
   * table fails for want of it ({@code CreateMigrationsTable}, SQLSTATE 3F000), so a role that may
   * not create schemas still works with one that exists.
   *
   * @param searchPath the URL's {@code search_path}, or null
   */
  static HistoryTable dbmate(String name, DbmateSearchPath searchPath) {
    int dot = name.indexOf('.');
    String schema =
        dot >= 0 ? name.substring(0, dot) : searchPath == null ? null : searchPath.firstSchema();
    if (schema == null) {
      return new HistoryTable(
          name,
          inCurrentSchema(
              name, "CREATE TABLE IF NOT EXISTS %I.%I (version varchar PRIMARY KEY)", ""),
          inCurrentSchema(name, "INSERT INTO %I.%I (version) VALUES (%L)", ", {version}"));
    }
    String tableName = dot >= 0 ? name.substring(dot + 1) : name;
    String table = quoted(schema) + "." + quoted(tableName);
    String createTable = "CREATE TABLE IF NOT EXISTS " + table + " (version varchar PRIMARY KEY)";
    return new HistoryTable(
        schema + "." + tableName,
        "DO $migtest$ BEGIN "
            + createTable
            + "; EXCEPTION WHEN invalid_schema_name THEN CREATE SCHEMA IF NOT EXISTS "
            + quoted(schema)
            + "; "
            + createTable
            + "; END $migtest$",
        "INSERT INTO " + table + " (version) VALUES ({version})");
  }

  /**
   * Flyway: one row per applied migration with its rank, script and outcome, its key and index
   * named as Flyway names them ({@code PostgreSQLDatabase.getRawCreateScript}). Flyway creates its
   * {@code schemas} first ({@code DbSchemas.create}); the table lives in the first, or, with none,
   * in the current schema.
   */
  static HistoryTable flyway(List<String> schemas, String name) {
    String table = schemas.isEmpty() ? quoted(name) : quoted(schemas.get(0)) + "." + quoted(name);
    StringBuilder create = new StringBuilder();
    schemas.forEach(
        schema ->
            create.append("CREATE SCHEMA IF NOT EXISTS ").append(quoted(schema)).append("; "));
    return new HistoryTable(
        schemas.isEmpty() ? name : schemas.get(0) + "." + name,
        create
            + "CREATE TABLE IF NOT EXISTS "
            + table
            + " (installed_rank integer NOT NULL, version varchar(50), description"
            + " varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,"
            + " checksum integer, installed_by varchar(100) NOT NULL, installed_on timestamp NOT"
            + " NULL DEFAULT now(), execution_time integer NOT NULL, success boolean NOT NULL,"
            + " CONSTRAINT "
            + quoted(name + "_pk")
            + " PRIMARY KEY (installed_rank)); CREATE INDEX IF NOT EXISTS "
            + quoted(name + "_s_idx")
            + " ON "
            + table
            + " (success)",
        "INSERT INTO "
            + table
            + " (installed_rank, version, description, type, script, installed_by,"
            + " execution_time, success) SELECT coalesce(max(installed_rank), 0) + 1,"
            + " NULLIF({version}, 'R'), {description}, 'SQL', {script}, current_user, 0, true FROM "
            + table);
  }

  /** An identifier in double quotes, as the tools quote their table names. */
  static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}

package io.migtest.migration;

import java.util.List;

/**
 * golang-migrate's options for the postgres driver, which it takes from the database URL's query
 * ({@code database/postgres/postgres.go}) and migtest from migtest.yml.
 *
 * @param multiStatement {@code x-multi-statement}: cut each file after every {@code ;} and run the
 *     pieces one by one, each committing
 * @param multiStatementMaxSize {@code x-multi-statement-max-size}: the longest piece, in bytes
 * @param migrationsTable {@code x-migrations-table}
 * @param taken the values given, for {@code migtest doctor}
 */
public record GolangMigrateSettings(
    boolean multiStatement,
    int multiStatementMaxSize,
    String migrationsTable,
    List<ToolSetting> taken) {

  /**
   * golang-migrate's defaults: no multi-statement mode, 10 MB pieces, {@code schema_migrations}.
   */
  public static final GolangMigrateSettings DEFAULTS =
      new GolangMigrateSettings(false, 10 << 20, "schema_migrations", List.of());

  public GolangMigrateSettings {
    taken = List.copyOf(taken);
  }
}

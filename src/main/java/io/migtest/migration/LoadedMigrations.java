package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import java.util.List;

/**
 * What a layout read from a folder: its migrations in order, the problems it met, the SQL callbacks
 * its tool runs around them, and the verify scripts its tool runs as tests of the deployed
 * database.
 *
 * @param verifyTests the scripts {@code sqitch verify} runs after the deploy, in plan order
 */
public record LoadedMigrations(
    List<Migration> migrations,
    List<Finding> problems,
    Callbacks callbacks,
    List<SqlScript> verifyTests) {

  /** Migrations of a layout whose tool has no callbacks. */
  public LoadedMigrations(List<Migration> migrations, List<Finding> problems) {
    this(migrations, problems, Callbacks.NONE);
  }

  /** Migrations and callbacks of a layout whose tool has no verify scripts. */
  public LoadedMigrations(List<Migration> migrations, List<Finding> problems, Callbacks callbacks) {
    this(migrations, problems, callbacks, List.of());
  }
}

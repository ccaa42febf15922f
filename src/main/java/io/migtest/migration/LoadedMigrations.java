package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.List;

/**
 * What a layout read from a folder: its migrations in order, the problems it met, and the SQL
 * callbacks its tool runs around them.
 */
public record LoadedMigrations(
    List<Migration> migrations, List<Finding> problems, Callbacks callbacks) {

  /** Migrations of a layout whose tool has no callbacks. */
  public LoadedMigrations(List<Migration> migrations, List<Finding> problems) {
    this(migrations, problems, Callbacks.NONE);
  }
}

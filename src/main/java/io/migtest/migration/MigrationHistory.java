package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import java.util.List;

/**
 * The migrations of one revision of the project, in the order they apply, and the problems found
 * while reading them (bad names, duplicate versions, gaps).
 *
 * @param layout the layout the migrations were read with, which answers what its tool can do
 * @param directory the migrations folder relative to the project root
 * @param callbacks the SQL callbacks of this revision, which its tool runs around the migrations
 * @param verifyTests the verify scripts its tool runs as tests of the deployed database ({@code
 *     sqitch verify}), in the order it runs them
 */
public record MigrationHistory(
    Layout layout,
    String directory,
    List<Migration> migrations,
    List<Finding> problems,
    Callbacks callbacks,
    List<SqlScript> verifyTests) {

  /** A history without callbacks or verify scripts. */
  public MigrationHistory(
      Layout layout, String directory, List<Migration> migrations, List<Finding> problems) {
    this(layout, directory, migrations, problems, Callbacks.NONE, List.of());
  }

  /**
   * Reads {@code folder} with {@code layout} and checks versions; the problems of the tool's
   * configuration files come first.
   */
  public static MigrationHistory load(Layout layout, SourceFolder folder) {
    LoadedMigrations loaded = layout.load(folder);
    List<Finding> problems = new java.util.ArrayList<>(layout.toolConfig().problems());
    problems.addAll(loaded.problems());
    problems.addAll(VersionChecks.check(loaded.migrations()));
    return new MigrationHistory(
        layout,
        folder.displayPath(),
        List.copyOf(loaded.migrations()),
        List.copyOf(problems),
        loaded.callbacks(),
        List.copyOf(loaded.verifyTests()));
  }
}

package io.migtest.migration;

import io.migtest.MigtestException;
import io.migtest.fs.ProjectBoundary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds the migrations folder of a project when {@code --migrations} is not given. */
public final class MigrationLocator {
  /** Where tools put migrations by convention, tried in this order. */
  public static final List<String> CANDIDATES =
      List.of(
          "db/migrations",
          "db/migration",
          "migrations",
          "src/main/resources/db/migration",
          "src/main/resources/db/migrations",
          "src/main/resources/db/changelog",
          "db/changelog",
          "database/migrations",
          "sql",
          "db",
          ".");

  private MigrationLocator() {}

  /**
   * The configured folder or the first candidate that one of {@code layouts} recognises (they may
   * be configured by the project's tool configuration, e.g. another Flyway prefix).
   */
  public static Path locate(Path projectRoot, String configured, List<Layout> layouts) {
    if (!Files.isDirectory(projectRoot)) {
      throw MigtestException.usage(
          "Project folder " + projectRoot + " does not exist or is not a folder.");
    }
    if (configured != null) {
      Path folder = projectRoot.resolve(configured).normalize();
      if (!Files.isDirectory(folder)) {
        throw MigtestException.usage(
            "Migrations folder " + configured + " does not exist under " + projectRoot + ".");
      }
      return folder;
    }
    ProjectBoundary boundary = ProjectBoundary.of(projectRoot);
    for (String candidate : CANDIDATES) {
      Path folder = projectRoot.resolve(candidate).normalize();
      if (Files.isDirectory(folder) && !boundary.contains(folder)) {
        throw MigtestException.usage(
            candidate
                + " in "
                + projectRoot
                + " is a symbolic link to "
                + ProjectBoundary.resolve(folder).map(Path::toString).orElse("a loop of links")
                + ", outside the project: migtest reads migrations only from inside the project"
                + " unless told otherwise. Pass --migrations "
                + candidate
                + " on the command line to use it anyway.");
      }
      if (Files.isDirectory(folder) && holdsMigrations(projectRoot, folder, layouts)) {
        return folder;
      }
    }
    List<String> empty =
        CANDIDATES.stream()
            .filter(c -> !c.equals(".") && !c.equals("db"))
            .filter(c -> Files.isDirectory(projectRoot.resolve(c)))
            .toList();
    throw MigtestException.usage(
        "No migrations found under "
            + projectRoot
            + (empty.isEmpty()
                ? " (looked in " + String.join(", ", CANDIDATES) + ")"
                : ": "
                    + String.join(", ", empty)
                    + " exists but holds no migration files of a known layout")
            + ". Pass --migrations PATH (and --layout NAME if the files are named differently).");
  }

  private static boolean holdsMigrations(Path projectRoot, Path folder, List<Layout> layouts) {
    if (folder.equals(projectRoot) || folder.endsWith("db")) {
      // Only a Sqitch project lives here; listing the whole tree would walk node_modules and .git.
      return Files.isRegularFile(folder.resolve(SqitchLayout.PLAN));
    }
    SourceFolder source = new WorkingTreeFolder(projectRoot, folder);
    return layouts.stream().anyMatch(l -> l.recognises(source));
  }
}

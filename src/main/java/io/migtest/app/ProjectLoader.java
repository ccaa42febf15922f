package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.migration.ConfiguredLayouts;
import io.migtest.migration.ConfiguredLayouts.Located;
import io.migtest.migration.GitRepository;
import io.migtest.migration.GitTreeFiles;
import io.migtest.migration.Layout;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.MigrationLocator;
import io.migtest.migration.ProjectFiles;
import io.migtest.migration.SourceFolder;
import io.migtest.migration.ToolOptions;
import io.migtest.migration.WorkingTreeFiles;
import io.migtest.migration.WorkingTreeFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Reads the head's migrations, and the base branch's through git when a base is given, each with
 * the migration tool's configuration of the same revision. migtest's own settings win: {@code
 * --migrations} (or {@code migrations:}) over the folders a tool's configuration names, {@code
 * --layout} over detection.
 */
public final class ProjectLoader {
  /** How Flyway formats {@code ${flyway:timestamp}} ({@code ParsingContext}). */
  private static final DateTimeFormatter FLYWAY_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private ProjectLoader() {}

  /** The head's folder and its layout, configured by the head's tool configuration. */
  public static Located locate(Config config) {
    return locate(config, options(config));
  }

  private static Located locate(Config config, ToolOptions options) {
    Path projectDir = config.projectDir();
    ProjectFiles files = new WorkingTreeFiles(projectDir);
    ConfiguredLayouts layouts = ConfiguredLayouts.read(files, options);
    Layout forced = config.layout() == null ? null : layouts.named(config.layout());
    if (config.migrations() == null) {
      List<String> named = forced == null ? List.of() : layouts.folders(forced);
      if (!named.isEmpty()) {
        return new Located(ConfiguredLayouts.folder(files, named), forced, named);
      }
      if (forced == null) {
        var configured = layouts.configured(files);
        if (configured.isPresent()) {
          return configured.get();
        }
      }
    }
    Path folder = MigrationLocator.locate(projectDir, config.migrations(), layouts.all());
    SourceFolder head = new WorkingTreeFolder(projectDir, folder);
    Layout layout = forced != null ? forced : layouts.detect(head);
    return new Located(head, layout, List.of(head.displayPath()));
  }

  public static MigrationComparison load(Config config) {
    ToolOptions options = options(config);
    Located located = locate(config, options);
    MigrationHistory head = MigrationHistory.load(located.layout(), located.folder());
    if (head.migrations().isEmpty()) {
      throw MigtestException.usage(
          "No "
              + head.layout().name()
              + " migrations in "
              + head.directory()
              + " ("
              + located.folder().files().size()
              + " files there, none named like "
              + head.layout().name()
              + " migrations). Check --layout, or point --migrations at the migrations folder.");
    }
    if (config.base() == null) {
      return MigrationComparison.withoutBase(head);
    }
    GitRepository git =
        GitRepository.find(config.projectDir(), config.environment())
            .orElseThrow(
                () ->
                    MigtestException.usage(
                        "--base needs a git repository, but "
                            + config.projectDir()
                            + " is not inside one. Drop --base, or run migtest in a git checkout."));
    String commit = git.resolveCommit(config.base());
    ProjectFiles baseFiles = new GitTreeFiles(git, commit, projectPath(git, config.projectDir()));
    ConfiguredLayouts baseLayouts = ConfiguredLayouts.read(baseFiles, options);
    Layout layout = baseLayouts.named(head.layout().name());
    List<String> baseNamed = baseLayouts.folders(layout);
    List<String> paths =
        config.migrations() == null && !baseNamed.isEmpty() ? baseNamed : located.paths();
    SourceFolder baseFolder = ConfiguredLayouts.folder(baseFiles, paths);
    MigrationHistory base =
        baseFolder.files().isEmpty()
            ? new MigrationHistory(layout, baseFolder.displayPath(), List.of(), List.of())
            : MigrationHistory.load(layout, baseFolder);
    return MigrationComparison.compare(head, base, config.base());
  }

  /** The project folder relative to the repository root; real paths, as git reports its root. */
  private static String projectPath(GitRepository git, Path projectDir) {
    try {
      return git.pathOf(projectDir);
    } catch (IOException e) {
      throw MigtestException.usage("Cannot resolve " + projectDir + ": " + e.getMessage());
    }
  }

  /**
   * migtest's overrides of the tools' configuration, and the run's facts their placeholders name.
   */
  private static ToolOptions options(Config config) {
    var provider = DatabaseProviders.choose(config);
    return new ToolOptions(
        config.flywaySettings(),
        config.golangMigrate(),
        config.dbmateSettings(),
        provider.user(),
        provider.database(),
        FLYWAY_TIMESTAMP.format(LocalDateTime.now()),
        config.projectDir().toString());
  }
}

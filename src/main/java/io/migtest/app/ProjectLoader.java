package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.migration.GitRepository;
import io.migtest.migration.GitTreeFolder;
import io.migtest.migration.Layout;
import io.migtest.migration.Layouts;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.MigrationLocator;
import io.migtest.migration.SourceFolder;
import io.migtest.migration.WorkingTreeFolder;
import java.nio.file.Path;
import java.util.List;

/** Reads the head's migrations, and the base branch's through git when a base is given. */
public final class ProjectLoader {
  private ProjectLoader() {}

  /** The head's folder and its layout. */
  public record Located(SourceFolder folder, Layout layout) {}

  public static Located locate(Config config) {
    Path projectDir = config.projectDir();
    Path folder = MigrationLocator.locate(projectDir, config.migrations());
    SourceFolder head = new WorkingTreeFolder(projectDir, folder);
    Layout layout = config.layout() != null ? Layouts.named(config.layout()) : Layouts.detect(head);
    return new Located(head, layout);
  }

  public static MigrationComparison load(Config config) {
    Located located = locate(config);
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
    String repoPath;
    try {
      // Real paths on both sides: git reports its root with symbolic links resolved.
      Path absolute = config.projectDir().resolve(head.directory()).toRealPath();
      repoPath = git.root().toRealPath().relativize(absolute).toString().replace('\\', '/');
    } catch (java.io.IOException e) {
      throw MigtestException.usage("Cannot resolve " + head.directory() + ": " + e.getMessage());
    }
    SourceFolder baseFolder = new GitTreeFolder(git, commit, repoPath, head.directory());
    MigrationHistory base =
        baseFolder.files().isEmpty()
            ? new MigrationHistory(head.layout(), head.directory(), List.of(), List.of())
            : MigrationHistory.load(located.layout(), baseFolder);
    return MigrationComparison.compare(head, base, config.base());
  }
}

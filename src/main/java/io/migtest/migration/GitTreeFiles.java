package io.migtest.migration;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The project's files at a git commit (the base branch). */
public final class GitTreeFiles implements ProjectFiles {
  private final GitRepository git;
  private final String commit;
  private final String projectPath;

  /**
   * @param projectPath the project folder relative to the repository root, empty for the root
   */
  public GitTreeFiles(GitRepository git, String commit, String projectPath) {
    this.git = git;
    this.commit = commit;
    this.projectPath = projectPath;
  }

  @Override
  public Optional<byte[]> readConfig(String path) throws IOException {
    byte[] bytes = git.readFiles(commit, List.of(repoPath(path))).get(repoPath(path));
    if (bytes != null && bytes.length > MAX_CONFIG_BYTES) {
      throw ProjectFiles.tooLarge(bytes.length);
    }
    return Optional.ofNullable(bytes);
  }

  @Override
  public boolean isFolder(String path) {
    return !git.listFiles(commit, repoPath(path)).isEmpty();
  }

  @Override
  public SourceFolder folder(String path) {
    return new GitTreeFolder(git, commit, repoPath(path), path);
  }

  /** The path from the repository root; {@code ..} is resolved, as a flag may lead out. */
  private String repoPath(String path) {
    String joined = Path.of(projectPath.isEmpty() ? "." : projectPath, path).normalize().toString();
    return joined.equals(".") ? "" : joined.replace('\\', '/');
  }
}

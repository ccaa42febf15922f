package io.migtest.migration;

import java.io.IOException;
import java.util.List;

/** A migrations folder as it is in a git commit (the base branch). */
public final class GitTreeFolder implements SourceFolder {
  private final GitRepository git;
  private final String commit;
  private final String repoPath;
  private final String displayPath;
  private final List<String> files;

  /**
   * @param repoPath the folder relative to the repository root
   * @param displayPath the folder relative to the project root
   */
  public GitTreeFolder(GitRepository git, String commit, String repoPath, String displayPath) {
    this.git = git;
    this.commit = commit;
    this.repoPath = repoPath;
    this.displayPath = displayPath;
    this.files = git.listFiles(commit, repoPath);
  }

  @Override
  public List<String> files() {
    return files;
  }

  @Override
  public byte[] read(String relativePath) throws IOException {
    return git.readFile(commit, repoPath.isEmpty() ? relativePath : repoPath + "/" + relativePath);
  }

  @Override
  public String displayPath() {
    return displayPath;
  }
}

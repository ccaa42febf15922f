package io.migtest.migration;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A migrations folder as it is in a git commit (the base branch). */
public final class GitTreeFolder implements SourceFolder {
  private final GitRepository git;
  private final String commit;
  private final String repoPath;
  private final String displayPath;
  private final List<String> files;
  private Map<String, byte[]> contents;

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

  /** Reads every file of the folder in one go on first use: one git process, not one per file. */
  @Override
  public synchronized byte[] read(String relativePath) throws IOException {
    if (contents == null) {
      contents = git.readFiles(commit, files.stream().map(this::repoPath).toList());
    }
    byte[] bytes = contents.get(repoPath(relativePath));
    if (bytes == null) {
      throw new IOException(relativePath + " is not in " + commit);
    }
    return bytes;
  }

  private String repoPath(String relativePath) {
    return repoPath.isEmpty() ? relativePath : repoPath + "/" + relativePath;
  }

  @Override
  public String displayPath() {
    return displayPath;
  }
}

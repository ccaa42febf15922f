package io.migtest.migration;

import io.migtest.MigtestException;
import io.migtest.fs.ProjectBoundary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The project's files on disk (the pull request's head); links out of the project are refused. */
public final class WorkingTreeFiles implements ProjectFiles {
  private final Path projectRoot;
  private final ProjectBoundary boundary;

  public WorkingTreeFiles(Path projectRoot) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.boundary = ProjectBoundary.of(this.projectRoot);
  }

  @Override
  public Optional<byte[]> readConfig(String path) throws IOException {
    Path file = projectRoot.resolve(path).normalize();
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    if (!boundary.contains(file)) {
      throw new IOException("it leads through a symbolic link out of the project");
    }
    if (!Files.isRegularFile(file)) {
      // A FIFO or a device would block the read, or never end.
      throw new IOException("it is not a regular file");
    }
    long size = Files.size(file);
    if (size > MAX_CONFIG_BYTES) {
      throw ProjectFiles.tooLarge(size);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_CONFIG_BYTES + 1);
      if (bytes.length > MAX_CONFIG_BYTES) {
        throw ProjectFiles.tooLarge(bytes.length);
      }
      return Optional.of(bytes);
    }
  }

  @Override
  public boolean isFolder(String path) {
    return Files.isDirectory(projectRoot.resolve(path));
  }

  /** The folder at {@code path}; a committed link that leads it out of the project is refused. */
  @Override
  public SourceFolder folder(String path) {
    Path folder = projectRoot.resolve(path).normalize();
    if (folder.startsWith(projectRoot) && !boundary.contains(folder)) {
      throw MigtestException.usage(
          "The migrations folder "
              + path
              + " leads through a symbolic link out of the project: migtest reads migrations only"
              + " from inside the project unless told otherwise."
              + " Pass --migrations on the command line to use it anyway.");
    }
    return new WorkingTreeFolder(projectRoot, folder);
  }
}

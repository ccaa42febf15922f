package io.migtest.migration;

import io.migtest.MigtestException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A migrations folder on disk (the pull request's head). */
public final class WorkingTreeFolder implements SourceFolder {
  private final Path projectRoot;
  private final Path folder;
  private List<String> files;
  private RealRoots realRoots;

  public WorkingTreeFolder(Path projectRoot, Path folder) {
    this.projectRoot = projectRoot.toAbsolutePath().normalize();
    this.folder = folder.toAbsolutePath().normalize();
    if (!Files.isDirectory(this.folder)) {
      throw MigtestException.usage(
          "Migrations folder " + this.folder + " does not exist or is not a folder.");
    }
  }

  /** Lists the folder once; layouts ask for the list many times. */
  @Override
  public synchronized List<String> files() {
    if (files == null) {
      files = walk();
    }
    return files;
  }

  /** Walks the folder's real path: a folder that is itself a link is listed, not skipped. */
  private List<String> walk() {
    try {
      Path real = folder.toRealPath();
      try (Stream<Path> walk = Files.walk(real)) {
        return walk.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
            .map(p -> slashes(real.relativize(p)))
            .filter(p -> !p.startsWith(".") && !p.contains("/."))
            .sorted()
            .toList();
      }
    } catch (IOException | UncheckedIOException e) {
      throw MigtestException.usage(
          "Cannot list migrations folder " + folder + ": " + e.getMessage());
    }
  }

  /**
   * Reads a file; a link that leads out of the project (and out of the migrations folder, which the
   * person running migtest may give outside it) is refused, not followed. The folder itself was
   * checked before: one the repository chose resolves inside the project.
   */
  @Override
  public byte[] read(String relativePath) throws IOException {
    Path real = folder.resolve(relativePath).toRealPath();
    if (!real.startsWith(realRoots().project()) && !real.startsWith(realRoots().folder())) {
      // Where it leads is not said: the target is the host's (a link to /proc/self/fd/3 names a
      // file the run has open), and the message reaches the pull request.
      throw new IOException("it is a symbolic link that leads outside the project");
    }
    if (!Files.isRegularFile(real)) {
      // A FIFO or a device would block the read, or never end.
      throw new IOException("it is not a regular file");
    }
    return Files.readAllBytes(real);
  }

  /** The project's and the folder's real paths, resolved once: every read checks against them. */
  private record RealRoots(Path project, Path folder) {}

  private synchronized RealRoots realRoots() throws IOException {
    if (realRoots == null) {
      realRoots = new RealRoots(projectRoot.toRealPath(), folder.toRealPath());
    }
    return realRoots;
  }

  @Override
  public Optional<Path> path() {
    return Optional.of(folder);
  }

  @Override
  public String displayPath() {
    return slashes(projectRoot.relativize(folder));
  }

  private static String slashes(Path path) {
    return path.toString().replace('\\', '/');
  }
}

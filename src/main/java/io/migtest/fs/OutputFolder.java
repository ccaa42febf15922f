package io.migtest.fs;

import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A folder migtest writes its own files into (the reports, the parse cache), and nowhere else. A
 * repository can commit a symbolic link where such a file goes; migtest runs as root, so it never
 * writes through one: a folder or file that is a link is refused, and each file is written to a new
 * temporary file in the folder and renamed into place (a rename replaces a link, it does not follow
 * it).
 */
public final class OutputFolder {
  private final Path dir;
  private final List<String> fileNames;

  private OutputFolder(Path dir, List<String> fileNames) {
    this.dir = dir;
    this.fileNames = fileNames;
  }

  /**
   * Checks {@code dir} before any work starts and creates it if absent: an unusable folder is a
   * usage error now rather than a lost report after the run.
   *
   * @param trustedUpTo folders (the project, the current folder) below which no component of the
   *     path may be a link that leads out of them
   * @param fileNames the files that will be written into it
   * @param what the folder's role and how to choose another, for messages
   */
  public static OutputFolder prepare(
      Path dir, List<Path> trustedUpTo, List<String> fileNames, Role what) {
    Path folder = dir.toAbsolutePath().normalize();
    ProjectBoundary.refuseLinksOut(folder, trustedUpTo, what.name());
    if (Files.isSymbolicLink(folder)) {
      throw refused(what, folder, "it is a symbolic link");
    }
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw refused(what, folder, "it exists and is not a folder");
    }
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw refused(what, folder, "it cannot be created (" + e.getMessage() + ")");
    }
    for (String name : fileNames) {
      Path file = folder.resolve(name);
      if (Files.isSymbolicLink(file)) {
        throw refused(what, folder, name + " in it is a symbolic link");
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
          && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        throw refused(what, folder, name + " in it is not a regular file");
      }
    }
    try {
      Files.delete(Files.createTempFile(folder, ".migtest-", ".tmp"));
    } catch (IOException e) {
      throw refused(what, folder, "it is not writable (" + e.getMessage() + ")");
    }
    return new OutputFolder(folder, List.copyOf(fileNames));
  }

  public Path dir() {
    return dir;
  }

  /** Writes {@code name} (one of the prepared names) atomically, never through a link. */
  public void write(String name, String content) throws IOException {
    if (!fileNames.contains(name)) {
      throw new IllegalArgumentException(name + " was not prepared in " + dir);
    }
    if (Files.isSymbolicLink(dir) || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(dir + " was replaced by a symbolic link or a file during the run");
    }
    // createTempFile opens with O_CREAT|O_EXCL, which fails on an existing link.
    Path temp = Files.createTempFile(dir, ".migtest-", ".tmp");
    try {
      // Readable by the workflow's later steps (artifact upload runs as another user).
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      Files.writeString(temp, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
      try {
        Files.move(
            temp,
            dir.resolve(name),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("cannot rename files in " + dir, e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * What a folder is for, in messages.
   *
   * @param name e.g. {@code report folder}
   * @param alternative how to pick another one, e.g. {@code pass another --report-dir}
   */
  public record Role(String name, String alternative) {}

  private static MigtestException refused(Role what, Path folder, String why) {
    return MigtestException.usage(
        "Cannot use the "
            + what.name()
            + " "
            + folder
            + ": "
            + why
            + (why.contains("symbolic link")
                ? ". migtest never writes through a symbolic link; remove it or "
                : "; ")
            + what.alternative()
            + ".");
  }
}

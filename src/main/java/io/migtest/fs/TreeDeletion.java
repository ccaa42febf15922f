package io.migtest.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a folder tree without ever following a symbolic link, even one that appears while it
 * runs: each entry is removed relative to its open parent folder, and a folder is only entered when
 * it is not a link. migtest deletes, as root, folders that an unprivileged process (the database
 * server, the test command) can change while they are being deleted; deleting by path would let
 * that process swap a folder for a link and have root delete files elsewhere.
 */
public final class TreeDeletion {
  private TreeDeletion() {}

  /** Deletes {@code root} and everything below it; what cannot be deleted is left. */
  public static void delete(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(parent)) {
      if (stream instanceof SecureDirectoryStream<Path> secure) {
        delete(secure, absolute.getFileName());
      }
    } catch (IOException e) {
      // Leftovers in a temp folder are harmless; the next run sweeps folders of ended runs.
    }
  }

  private static void delete(SecureDirectoryStream<Path> parent, Path name) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          parent
              .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
              .readAttributes();
    } catch (NoSuchFileException e) {
      return;
    }
    if (!attributes.isDirectory()) {
      parent.deleteFile(name);
      return;
    }
    try (SecureDirectoryStream<Path> folder =
        parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS)) {
      for (Path entry : folder) {
        delete(folder, entry.getFileName());
      }
    }
    parent.deleteDirectory(name);
  }
}

package io.migtest.db;

import io.migtest.fs.TreeDeletion;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An empty cluster that {@code initdb} made once, kept beside the binaries ({@code
 * <binaries>.initdb}) and copied into every new data folder: a copy takes a fraction of {@code
 * initdb}'s time. The container image bakes one in; the CLI makes one on its first run.
 *
 * <p>It belongs to migtest's own user (root in the container), not to the account the server runs
 * as, so no migration can change what later servers start from. A copy found with another owner,
 * writable by others, holding anything but folders and regular files, or made by other binaries or
 * options (its {@code stamp} differs) is not used. Its superuser password is known to anyone who
 * can read the image, so every server started from a copy changes it before it is handed out.
 */
final class PristineCluster {
  private static final String DATA = "data";
  private static final String PASSWORD = "password";
  private static final String STAMP = "stamp";

  private final Path folder;
  private final String password;

  private PristineCluster(Path folder, String password) {
    this.folder = folder;
    this.password = password;
  }

  /** Where the copy for {@code binaries} lives. */
  static Path folderFor(Path binaries) {
    return binaries.resolveSibling(binaries.getFileName() + ".initdb");
  }

  /**
   * The line that must match for a copy to be used: the {@code initdb} options and the server
   * program it was made with (size and time, so replaced binaries are noticed).
   */
  static String stamp(Path binaries, List<String> initdbOptions) {
    Path postgres = binaries.resolve("bin/postgres");
    try {
      return String.join(" ", initdbOptions)
          + " | postgres "
          + Files.size(postgres)
          + " bytes, modified "
          + Files.getLastModifiedTime(postgres).toMillis();
    } catch (IOException e) {
      return "unreadable " + postgres;
    }
  }

  /** The copy in {@code folder}, if it is there, trusted and made with {@code stamp}. */
  static Optional<PristineCluster> open(Path folder, String stamp) {
    try {
      if (!ownedAndClosed(folder.resolve(DATA))) {
        return Optional.empty();
      }
      return readTrusted(folder, stamp).map(password -> new PristineCluster(folder, password));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The password kept in {@code folder} when the folder, its {@code password} and its {@code stamp}
   * are this process's user's and closed to others, and the stamp is {@code stamp}.
   */
  static Optional<String> readTrusted(Path folder, String stamp) throws IOException {
    if (!ownedAndClosed(folder)
        || !ownedAndClosed(folder.resolve(PASSWORD))
        || !ownedAndClosed(folder.resolve(STAMP))
        || !Files.readString(folder.resolve(STAMP)).equals(stamp)) {
      return Optional.empty();
    }
    return Optional.of(Files.readString(folder.resolve(PASSWORD)));
  }

  /**
   * Keeps the cluster that {@code initdb} made in {@code staging} (with {@code data/} and {@code
   * password} in it) as the copy in {@code folder}: hands it to this process's user and moves it
   * into place, replacing a copy that {@link #open} refused, unless another process has just put a
   * usable one there.
   */
  static Optional<PristineCluster> keep(Path staging, Path folder, String stamp) {
    try {
      Files.writeString(staging.resolve(STAMP), stamp);
      int uid = LaunchPlanner.currentUid();
      int gid = (Integer) Files.getAttribute(staging, "unix:gid", LinkOption.NOFOLLOW_LINKS);
      try (Stream<Path> entries = Files.walk(staging)) {
        for (Path entry : entries.toList()) {
          Files.setAttribute(entry, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
          Files.setAttribute(entry, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
        }
      }
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
      if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
        Optional<PristineCluster> theirs = open(folder, stamp);
        if (theirs.isPresent()) {
          TreeDeletion.delete(staging);
          return theirs;
        }
        TreeDeletion.delete(folder);
      }
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | UnsupportedOperationException e) {
      TreeDeletion.delete(staging);
    }
    return open(folder, stamp);
  }

  String password() {
    return password;
  }

  /**
   * Copies the cluster into the empty folder {@code dataDir}, every entry owned by {@code account}
   * (the server's). Anything but folders and regular files ends the copy with an exception.
   */
  void copyTo(Path dataDir, SystemAccount account) throws IOException {
    Path source = folder.resolve(DATA);
    Files.walkFileTree(
        source,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes)
              throws IOException {
            Path target = dataDir.resolve(source.relativize(dir).toString());
            if (!dir.equals(source)) {
              Files.createDirectory(target);
              own(target);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            if (!attributes.isRegularFile()) {
              throw new IOException(file + " is neither a folder nor a regular file");
            }
            Path target = dataDir.resolve(source.relativize(file).toString());
            Files.copy(file, target, LinkOption.NOFOLLOW_LINKS);
            own(target);
            return FileVisitResult.CONTINUE;
          }

          private void own(Path target) throws IOException {
            Files.setPosixFilePermissions(
                target,
                Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS) ? OWNER_DIR : OWNER_FILE);
            if (account != null) {
              Files.setAttribute(target, "unix:uid", account.uid(), LinkOption.NOFOLLOW_LINKS);
              Files.setAttribute(target, "unix:gid", account.gid(), LinkOption.NOFOLLOW_LINKS);
            }
          }
        });
  }

  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");

  /** Not a link, owned by this process's user, writable by no one else. */
  private static boolean ownedAndClosed(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(path)) {
      return false;
    }
    int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return owner == LaunchPlanner.currentUid() && (mode & 0022) == 0;
  }
}

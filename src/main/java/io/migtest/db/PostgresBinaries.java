package io.migtest.db;

import io.migtest.MigtestException;
import io.migtest.fs.TreeDeletion;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries that zonky ships as a Maven artifact, extracted once into a shared folder
 * that any user can read and traverse (the server may run as an unprivileged user).
 */
public final class PostgresBinaries {
  static final Set<PosixFilePermission> WORLD_READABLE_DIR =
      PosixFilePermissions.fromString("rwxr-xr-x");

  /** Names a folder of binaries extracted beforehand (the container image sets it). */
  public static final String VARIABLE = "MIGTEST_POSTGRES_BINARIES";

  private static final List<String> PROGRAMS = List.of("bin/initdb", "bin/pg_ctl", "bin/postgres");

  private PostgresBinaries() {}

  /**
   * The binaries in {@code folder}, used as they are: no reading and hashing of the 15 MB archive
   * in the jar, no extraction. They run as the database server, so the folder and every folder
   * above it must be owned by root or by this user, writable by nobody else, and open to others
   * (the server may run as an unprivileged account); the programs must be regular executables.
   */
  public static Path preinstalled(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    for (String program : PROGRAMS) {
      Path file = absolute.resolve(program);
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !Files.isExecutable(file)) {
        throw unusable(absolute, program + " is not an executable file there");
      }
    }
    for (Path dir = absolute; dir != null; dir = dir.getParent()) {
      try {
        int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(dir, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        // Others may write to a sticky folder such as /tmp, but not replace what root owns there.
        boolean othersMayReplace = (mode & 0022) != 0 && (mode & 01000) == 0;
        if (Files.isSymbolicLink(dir)
            || (owner != 0 && owner != LaunchPlanner.currentUid())
            || othersMayReplace
            || (mode & 0001) == 0) {
          throw unusable(
              absolute,
              dir
                  + " must be a folder (not a link) owned by root or by migtest's user, writable"
                  + " by no one else and open to others");
        }
      } catch (IOException | UnsupportedOperationException e) {
        throw unusable(absolute, "cannot read the owner of " + dir + ": " + e.getMessage());
      }
    }
    return absolute;
  }

  private static MigtestException unusable(Path folder, String why) {
    return MigtestException.environment(
        VARIABLE
            + " names "
            + folder
            + ", which migtest cannot use: "
            + why
            + ". Point it at PostgreSQL's extracted binaries (bin/, lib/, share/), or unset it to"
            + " let migtest extract its own.");
  }

  /**
   * The folder holding {@code bin/}, {@code lib/} and {@code share/}, extracted if needed. A cache
   * folder that another user owns or could write to is not trusted: its binaries would run as our
   * database server; a private folder is used instead.
   */
  public static Path install(Path cacheRoot) {
    byte[] archive = archive();
    try {
      Files.createDirectories(cacheRoot);
      if (!trusted(cacheRoot)) {
        cacheRoot = Files.createTempDirectory("migtest-postgres-private-");
      }
    } catch (IOException e) {
      throw extractionFailed(cacheRoot, e);
    }
    Path target = cacheRoot.resolve("pg-" + sha256(archive).substring(0, 16));
    if (Files.isExecutable(target.resolve("bin/postgres")) && trusted(target)) {
      return target;
    }
    Path staging = null;
    try {
      Files.setPosixFilePermissions(cacheRoot, WORLD_READABLE_DIR);
      StaleFolders.sweep(cacheRoot);
      staging = Files.createTempDirectory(cacheRoot, StaleFolders.prefix("extracting"));
      extract(archive, staging);
      Files.setPosixFilePermissions(staging, WORLD_READABLE_DIR);
      try {
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
        TreeDeletion.delete(staging);
      } catch (IOException e) {
        if (!Files.isDirectory(target)) {
          throw e;
        }
        TreeDeletion.delete(staging);
      }
      return target;
    } catch (IOException e) {
      if (staging != null) {
        TreeDeletion.delete(staging);
      }
      throw extractionFailed(cacheRoot, e);
    }
  }

  private static MigtestException extractionFailed(Path cacheRoot, IOException e) {
    return MigtestException.environment(
        "Cannot extract the embedded PostgreSQL binaries into "
            + cacheRoot
            + " ("
            + e.getMessage()
            + "). Make the temp folder writable (TMPDIR), or use --database-url or"
            + " --postgres-image.",
        e);
  }

  /** Owned by this process's user and writable by nobody else. */
  static boolean trusted(Path dir) {
    try {
      int owner = (Integer) Files.getAttribute(dir, "unix:uid", LinkOption.NOFOLLOW_LINKS);
      Set<PosixFilePermission> permissions =
          Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
      return owner == LaunchPlanner.currentUid()
          && !permissions.contains(PosixFilePermission.GROUP_WRITE)
          && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static byte[] archive() {
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String machine = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", machine)) {
      return in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      throw MigtestException.environment(
          "No embedded PostgreSQL binaries for Linux/"
              + machine
              + " are on the class path. Use --database-url or --postgres-image instead.",
          e);
    }
  }

  private static void extract(byte[] archive, Path into) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZCompressorInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = into.resolve(entry.getName()).normalize();
        if (!path.startsWith(into)) {
          throw new IOException("archive entry outside the target: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, WORLD_READABLE_DIR);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          boolean executable = (entry.getMode() & 0100) != 0;
          Files.setPosixFilePermissions(
              path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        }
      }
    }
    try (Stream<Path> dirs = Files.walk(into)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Files.setPosixFilePermissions(dir, WORLD_READABLE_DIR);
      }
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

package io.migtest.db;

import io.migtest.fs.TreeDeletion;
import io.migtest.sql.ScriptFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders psql runs scripts in, each standing for the project root, with the script folder at
 * its project-relative path, so {@code \i}, {@code \ir} and {@code \copy} find the files next to a
 * script. A working-tree folder that psql's account can read is used where it is, like the test
 * command uses the project. A folder read from git (the base branch), or one the account cannot
 * reach, is copied into a temp folder the account can read and not change, once per run; the copies
 * are removed when the run ends.
 */
final class PsqlFolders implements AutoCloseable {
  /** More files than a migrations folder has: a folder this large is not copied for psql. */
  static final int MAX_FILES = 20_000;

  private final Path temp;
  private final Map<ScriptFolder, Path> roots = new IdentityHashMap<>();
  private final List<Path> copies = new ArrayList<>();

  /**
   * @param temp the shared temp folder the copies go into
   */
  PsqlFolders(Path temp) {
    this.temp = temp;
  }

  /**
   * Where {@code folder} sits below the root: its project-relative path, or the root itself when
   * that path leads out of the project (a migrations folder given on the command line).
   */
  static String location(ScriptFolder folder) {
    Path path = Path.of(folder.displayPath()).normalize();
    boolean inside = !path.isAbsolute() && !path.startsWith("..");
    return inside ? path.toString().replace('\\', '/') : "";
  }

  /** The folder that stands for the project root when psql runs a script of {@code folder}. */
  synchronized Path rootFor(ScriptFolder folder, SystemAccount account) throws IOException {
    Path root = roots.get(folder);
    if (root == null) {
      Optional<Path> onDisk = folder.path();
      root =
          onDisk.isPresent() && FileAccess.readable(onDisk.get(), account)
              ? above(onDisk.get(), location(folder))
              : copy(folder, account);
      roots.put(folder, root);
    }
    return root;
  }

  /** {@code folder} without the last segments that {@code location} has. */
  private static Path above(Path folder, String location) {
    Path root = folder.toAbsolutePath().normalize();
    for (int i = location.isEmpty() ? 0 : Path.of(location).getNameCount(); i > 0; i--) {
      root = root.getParent();
    }
    return root;
  }

  private Path copy(ScriptFolder folder, SystemAccount account) throws IOException {
    List<String> files = folder.files();
    if (files.size() > MAX_FILES) {
      throw new IOException(
          folder.displayPath()
              + " holds "
              + files.size()
              + " files, more than migtest copies for psql ("
              + MAX_FILES
              + ")");
    }
    Path copy = PrivateFolder.createReadOnly(temp, "files", account);
    copies.add(copy);
    Path base = copy.resolve(location(folder));
    for (String file : files) {
      Path target = base.resolve(file).normalize();
      byte[] bytes;
      try {
        bytes = folder.read(file);
      } catch (IOException e) {
        continue; // psql reports it missing, as for a file that is not there
      }
      if (!target.startsWith(copy)) {
        continue;
      }
      makeFolders(copy, target.getParent(), account);
      Files.write(target, bytes);
      Files.setAttribute(target, "unix:gid", account.gid());
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
    }
    makeFolders(copy, base, account);
    return copy;
  }

  /** Makes the folders from {@code copy} down to {@code folder}, readable by the account. */
  private static void makeFolders(Path copy, Path folder, SystemAccount account)
      throws IOException {
    if (folder.equals(copy) || Files.isDirectory(folder)) {
      return;
    }
    makeFolders(copy, folder.getParent(), account);
    Files.createDirectory(folder);
    Files.setAttribute(folder, "unix:gid", account.gid());
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
  }

  /** Removes the copies. */
  @Override
  public synchronized void close() {
    copies.forEach(TreeDeletion::delete);
    copies.clear();
    roots.clear();
  }
}

package io.migtest.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded cluster's data folders go. Every scratch database is a {@code CREATE
 * DATABASE}, which opens and writes a file per relation; on a memory file system ({@code tmpfs} at
 * {@code /dev/shm}) that takes a tenth of the time it takes on a slow disk, and the clusters are
 * throwaway ({@code fsync} is off anyway). So the data folders go there when it has room for a run
 * (at least {@link #MIN_FREE_BYTES}: a container's default 64 MB does not), else under the temp
 * folder. {@code MIGTEST_POSTGRES_DATA=disk} keeps them on disk.
 */
final class DataFolderRoot {
  /** The variable that keeps the data folders on disk. */
  static final String VARIABLE = "MIGTEST_POSTGRES_DATA";

  /** Free room a memory file system needs to hold a run's databases. */
  static final long MIN_FREE_BYTES = 2L * 1024 * 1024 * 1024;

  private static final Path MEMORY = Path.of("/dev/shm");
  private static final int STICKY = 01000;
  private static final int OTHERS_WRITE = 02;

  private DataFolderRoot() {}

  /** Where {@link #choose} would put the data, for {@code migtest doctor}; creates nothing. */
  static String describe(Map<String, String> env) {
    if (keptOnDisk(env)) {
      return "data on disk (" + VARIABLE + "=disk)";
    }
    return hasRoom(MEMORY)
        ? "data in memory (" + MEMORY + ")"
        : "data on disk (no tmpfs with 2 GiB free at " + MEMORY + ")";
  }

  private static boolean keptOnDisk(Map<String, String> env) {
    return "disk".equals(env.getOrDefault(VARIABLE, "").strip());
  }

  /** Whether {@code memory} is a memory file system with {@link #MIN_FREE_BYTES} free. */
  static boolean hasRoom(Path memory) {
    try {
      FileStore store = Files.getFileStore(memory);
      return store.type().equals("tmpfs") && store.getUsableSpace() >= MIN_FREE_BYTES;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The folder for data folders: {@code onDisk}, or one in memory when there is room. */
  static Path choose(Path onDisk, Map<String, String> env) {
    return choose(onDisk, MEMORY, env);
  }

  /**
   * @param memory where a memory file system may be mounted
   */
  static Path choose(Path onDisk, Path memory, Map<String, String> env) {
    if (keptOnDisk(env) || !hasRoom(memory)) {
      return onDisk;
    }
    try {
      // A shared folder like /tmp: sticky, so that nobody else can replace what is ours in it;
      // our folder there is ours only when we made it or own it alone.
      int mode = (Integer) Files.getAttribute(memory, "unix:mode");
      if ((mode & STICKY) == 0 && (mode & OTHERS_WRITE) != 0) {
        return onDisk;
      }
      Path mine = memory.resolve("migtest-postgres-" + LaunchPlanner.currentUid());
      if (Files.isSymbolicLink(mine)) {
        return onDisk;
      }
      try {
        Files.createDirectory(mine);
      } catch (FileAlreadyExistsException e) {
        // Made earlier, or by another run right now: checked below like any other.
      }
      if (!PostgresBinaries.trusted(mine)) {
        return onDisk;
      }
      // The server's account walks through it to its data folder, whatever the umask.
      Files.setPosixFilePermissions(mine, PostgresBinaries.WORLD_READABLE_DIR);
      return mine.resolve("run");
    } catch (IOException | RuntimeException e) {
      return onDisk;
    }
  }
}

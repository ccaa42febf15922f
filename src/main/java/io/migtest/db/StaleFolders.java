package io.migtest.db;

import io.migtest.fs.TreeDeletion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Folders that one migtest process owns in a shared temp folder (a cluster's data folder, a
 * half-extracted archive) carry the owner's pid and start time in their name, so that a later run
 * can tell those of a process that is gone (killed with {@code kill -9}, out of disk) and remove
 * them, stopping a PostgreSQL still running in one first.
 */
final class StaleFolders {
  private static final Pattern OWNED = Pattern.compile("^([a-z]+)-(\\d+)\\.(\\d+)-.*$");

  private StaleFolders() {}

  /** The name prefix for a folder this process owns, e.g. {@code data-1234.1700000000000-}. */
  static String prefix(String kind) {
    ProcessHandle self = ProcessHandle.current();
    long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    return kind + "-" + self.pid() + "." + started + "-";
  }

  /** Removes the entries of {@code root} whose owner process has ended. */
  static void sweep(Path root) {
    sweep(root, "");
  }

  /**
   * Removes the entries of {@code root} named for {@code kind} (any kind when empty) whose owner
   * process has ended: in a folder that others share, only the kind migtest makes there.
   */
  static void sweep(Path root, String kind) {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    List<Path> entries;
    try (Stream<Path> list = Files.list(root)) {
      entries = list.toList();
    } catch (IOException e) {
      return;
    }
    for (Path entry : entries) {
      Matcher m = OWNED.matcher(entry.getFileName().toString());
      if (m.matches()
          && (kind.isEmpty() || m.group(1).equals(kind))
          && !alive(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)))) {
        Postmaster.kill(entry);
        TreeDeletion.delete(entry);
      }
    }
  }

  private static boolean alive(long pid, long startedMillis) {
    return ProcessHandle.of(pid)
        .flatMap(p -> p.info().startInstant())
        .map(start -> start.toEpochMilli() == startedMillis || startedMillis == 0)
        .orElse(false);
  }
}

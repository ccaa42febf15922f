package io.migtest.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server process of a data folder, for when {@code pg_ctl stop} could not end it (a stopped or
 * hung server, a run that was killed).
 */
final class Postmaster {
  private Postmaster() {}

  /**
   * Kills the postmaster named in {@code dataDir}'s {@code postmaster.pid} and its server processes
   * with SIGKILL, which a stopped process cannot ignore either. The pid is trusted only when that
   * process runs on this data folder: the file belongs to the server's account.
   */
  static void kill(Path dataDir) {
    Optional<ProcessHandle> postmaster = find(dataDir);
    if (postmaster.isEmpty()) {
      return;
    }
    postmaster.get().descendants().forEach(ProcessHandle::destroyForcibly);
    postmaster.get().destroyForcibly();
    try {
      postmaster.get().onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // It was told to die; the folder is removed either way.
    }
  }

  private static Optional<ProcessHandle> find(Path dataDir) {
    Path pidFile = dataDir.resolve("postmaster.pid");
    if (!Files.isRegularFile(pidFile, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (Stream<String> lines = Files.lines(pidFile)) {
      return lines
          .findFirst()
          .map(String::strip)
          .filter(line -> line.matches("\\d{1,9}") && Long.parseLong(line) > 1)
          .flatMap(line -> ProcessHandle.of(Long.parseLong(line)))
          .filter(process -> servesFolder(process, dataDir));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static boolean servesFolder(ProcessHandle process, Path dataDir) {
    return process
        .info()
        .arguments()
        .map(args -> List.of(args).contains(dataDir.toString()))
        .orElse(false);
  }
}

package io.migtest.db;

import io.migtest.process.ChildEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small shell process that outlives migtest only to clean up after it: it waits until its
 * standard input closes, which the kernel does when migtest exits for any reason, {@code kill -9}
 * included, then stops the cluster and removes its data folder. pg_ctl detaches the server from
 * migtest, so nothing else would stop it. On a normal end migtest stops the cluster itself and
 * kills the reaper first.
 */
final class ClusterReaper {
  private static final String SCRIPT =
      """
      trap '' HUP INT TERM
      dir=$1; shift
      while read -r _; do :; done
      "$@" -D "$dir" -m immediate -w stop >/dev/null 2>&1
      rm -rf -- "$dir" "$dir.pw"
      """;

  private final Process process;

  private ClusterReaper(Process process) {
    this.process = process;
  }

  /**
   * Starts the reaper for {@code dataDir}.
   *
   * @param pgCtl the command that runs pg_ctl as the cluster's owner (launcher prefix included)
   */
  static ClusterReaper start(Path dataDir, List<String> pgCtl, Map<String, String> env)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "migtest-reaper"));
    command.add(dataDir.toString());
    command.addAll(pgCtl);
    ProcessBuilder builder = ChildEnvironment.apply(new ProcessBuilder(command), env);
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    return new ClusterReaper(builder.start());
  }

  /** The cluster was stopped and removed: the reaper has nothing left to do. */
  void dismiss() {
    process.destroyForcibly();
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // The reaper is gone already.
    }
  }
}

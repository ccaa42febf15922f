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
  /**
   * Waits for end of input, stops the server (or kills it: its pid is trusted only when that
   * process runs on this folder), then deletes the folder's contents as the server's account, so a
   * link planted in it cannot make root delete anything else.
   */
  private static final String SCRIPT =
      """
      trap '' HUP INT TERM
      dir=$1; pgctl=$2; shift 2
      while read -r _; do :; done
      "$@" "$pgctl" -D "$dir" -m immediate -w -t 10 stop >/dev/null 2>&1
      pid=$(head -n 1 "$dir/postmaster.pid" 2>/dev/null)
      case $pid in
        ''|*[!0-9]*) ;;
        *) if [ "$pid" -gt 1 ] && tr '\\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "$dir"; then
             kill -s KILL -- "-$pid" 2>/dev/null
           fi ;;
      esac
      "$@" find "$dir" -mindepth 1 -delete 2>/dev/null
      rmdir -- "$dir" 2>/dev/null
      rm -f -- "$dir.pw"
      """;

  private final Process process;

  private ClusterReaper(Process process) {
    this.process = process;
  }

  /**
   * Starts the reaper for {@code dataDir}.
   *
   * @param pgCtl the pg_ctl program
   * @param asOwner the words that run a program as the cluster's owner (empty: as migtest's user)
   */
  static ClusterReaper start(
      Path dataDir, Path pgCtl, List<String> asOwner, Map<String, String> env) throws IOException {
    // A session of its own: killing migtest's process group must not kill the reaper too.
    List<String> command =
        new ArrayList<>(List.of("setsid", "/bin/sh", "-c", SCRIPT, "migtest-reaper"));
    command.add(dataDir.toString());
    command.add(pgCtl.toString());
    command.addAll(asOwner);
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

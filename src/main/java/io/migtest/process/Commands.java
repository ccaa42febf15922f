package io.migtest.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a short child process with a given environment, merging stdout and stderr unless asked to
 * keep them apart.
 */
public final class Commands {
  private static final long OUTPUT_GRACE_MILLIS = 2_000;

  private Commands() {}

  /**
   * Runs {@code command} in {@code dir} (null: the current folder).
   *
   * @throws IOException when the program cannot be started or does not end within {@code limit}
   */
  public static CommandResult run(
      List<String> command, Path dir, Map<String, String> env, Duration limit) throws IOException {
    return run(command, dir, env, limit, false, false, process -> {});
  }

  /**
   * Runs {@code command} like {@link #run}, in a session of its own (through {@code setsid}), and
   * when it ends kills what it left running in that session: background jobs and servers of a
   * command from the repository must not outlive it. A program that starts a new session itself
   * escapes this; it still runs as the command's user.
   */
  public static CommandResult runInOwnSession(
      List<String> command, Path dir, Map<String, String> env, Duration limit) throws IOException {
    return run(command, dir, env, limit, true, false, process -> {});
  }

  /**
   * Runs {@code command} like {@link #runInOwnSession(List, Path, Map, Duration)}, handing the
   * started process to {@code started}: a watchdog that may end it before {@code limit}. Its
   * standard error is kept apart from its standard output ({@link CommandResult#errors}).
   */
  public static CommandResult runInOwnSession(
      List<String> command,
      Path dir,
      Map<String, String> env,
      Duration limit,
      Consumer<ProcessHandle> started)
      throws IOException {
    return run(command, dir, env, limit, true, true, started);
  }

  private static CommandResult run(
      List<String> command,
      Path dir,
      Map<String, String> env,
      Duration limit,
      boolean ownSession,
      boolean errorsApart,
      Consumer<ProcessHandle> started)
      throws IOException {
    List<String> full = new ArrayList<>();
    Optional<Path> setsid = ownSession ? Executables.find("setsid", env) : Optional.empty();
    if (ownSession && setsid.isEmpty()) {
      throw new IOException("setsid (util-linux) is not on PATH");
    }
    setsid.ifPresent(p -> full.add(p.toString()));
    full.addAll(command);
    ProcessBuilder builder = ChildEnvironment.apply(new ProcessBuilder(full), env);
    builder.redirectErrorStream(!errorsApart);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    // A command from the repository may print without end: keep only the end of its output.
    OutputCollector output = new OutputCollector(process.getInputStream(), ownSession);
    OutputCollector errors = new OutputCollector(process.getErrorStream(), ownSession);
    output.start();
    if (errorsApart) {
      errors.start();
    }
    started.accept(process.toHandle());
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new IOException(
            String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
      }
      if (ownSession) {
        killSession(process.pid(), env);
      }
      // A background child may keep the output open after the command itself ended: give the
      // rest of the output a moment, not the whole limit.
      long grace =
          Math.max(1, Math.min(OUTPUT_GRACE_MILLIS, (deadline - System.nanoTime()) / 1_000_000));
      output.join(grace);
      if (errorsApart) {
        errors.join(grace);
      }
      if (output.isAlive() || errors.isAlive()) {
        kill(process);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      if (ownSession) {
        killSession(process.pid(), env);
      }
    }
    return new CommandResult(process.exitValue(), output.text(), errors.text());
  }

  /**
   * Kills every process left in the process group that {@code setsid} made ({@code setsid} runs the
   * command in the same process, so the group's id is the command's pid).
   */
  private static void killSession(long pid, Map<String, String> env) {
    ProcessBuilder kill =
        ChildEnvironment.apply(
            new ProcessBuilder(
                "/bin/sh", "-c", "kill -s KILL -- -\"$1\" 2>/dev/null", "sh", "" + pid),
            env);
    kill.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    try {
      kill.start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      // Nothing could be killed; the processes end with the container.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Ends the process and everything it started. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /**
   * Reads a child's output on its own thread so a full pipe never blocks the child; what arrived so
   * far is kept even when a left-over background process keeps the pipe open.
   */
  private static final class OutputCollector extends Thread {
    /** How much of the end of a bounded output is kept. */
    private static final int KEPT_BYTES = 1 << 20;

    private final InputStream in;
    private final boolean bounded;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    OutputCollector(InputStream in, boolean bounded) {
      this.in = in;
      this.bounded = bounded;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (this) {
            bytes.write(buffer, 0, n);
            if (bounded && bytes.size() > 2 * KEPT_BYTES) {
              byte[] all = bytes.toByteArray();
              bytes = new ByteArrayOutputStream();
              bytes.write(all, all.length - KEPT_BYTES, KEPT_BYTES);
            }
          }
        }
      } catch (IOException e) {
        // The process ended or was killed: keep what was read.
      }
    }

    synchronized String text() {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }
}

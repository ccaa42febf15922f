package io.migtest.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a short child process with a given environment, merging stdout and stderr. */
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
    ProcessBuilder builder = ChildEnvironment.apply(new ProcessBuilder(command), env);
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    if (dir != null) {
      builder.directory(dir.toFile());
    }
    Process process = builder.start();
    OutputCollector output = new OutputCollector(process.getInputStream());
    output.start();
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new IOException(
            String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s");
      }
      // A background child may keep the output open after the command itself ended: give the
      // rest of the output a moment, not the whole limit.
      output.join(
          Math.max(1, Math.min(OUTPUT_GRACE_MILLIS, (deadline - System.nanoTime()) / 1_000_000)));
      if (output.isAlive()) {
        kill(process);
      }
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
    return new CommandResult(process.exitValue(), output.text());
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
    private final InputStream in;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    OutputCollector(InputStream in) {
      this.in = in;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) > 0) {
          synchronized (bytes) {
            bytes.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // The process ended or was killed: keep what was read.
      }
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}

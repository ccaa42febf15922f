package io.migtest.cli;

import io.migtest.gate.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.InteractiveConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows progress: steps as plain lines; long work as a live bar with counts, rate and time left on
 * a terminal (the progressbar library draws it), or as a plain line every few seconds in CI logs
 * and pipes, where a redrawn line would only add noise.
 */
final class ProgressOutput implements Progress {
  private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
  private final PrintWriter out;
  private final boolean terminal;

  private ProgressOutput(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  static ProgressOutput forEnvironment(PrintWriter out, Map<String, String> env) {
    boolean ci = env.containsKey("CI") || env.containsKey("GITHUB_ACTIONS");
    return new ProgressOutput(out, System.console() != null && !ci);
  }

  @Override
  public synchronized void step(String message) {
    out.println("migtest: " + ConsoleText.safe(message));
    out.flush();
  }

  @Override
  public Task task(String name, long total) {
    return terminal ? new BarTask(name, total) : new PlainTask(name, total);
  }

  /** A live bar on the terminal. */
  private static final class BarTask implements Task {
    private final ProgressBar bar;

    BarTask(String name, long total) {
      this.bar =
          new ProgressBarBuilder()
              .setTaskName("migtest: " + ConsoleText.safe(name))
              .setInitialMax(total)
              .setUpdateIntervalMillis(250)
              .showSpeed()
              .setConsumer(new InteractiveConsoleProgressBarConsumer(System.err))
              .build();
    }

    @Override
    public synchronized void advance(String current) {
      bar.step();
      bar.setExtraMessage(" " + ConsoleText.safe(current));
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** A line every few seconds, and one at the end. */
  private final class PlainTask implements Task {
    private final String name;
    private final long total;
    private final long started = System.nanoTime();
    private long lastLine = started;
    private long done;

    PlainTask(String name, long total) {
      this.name = ConsoleText.safe(name);
      this.total = total;
    }

    @Override
    public synchronized void advance(String current) {
      done++;
      long now = System.nanoTime();
      if (now - lastLine >= PLAIN_INTERVAL_NANOS && done < total) {
        lastLine = now;
        double seconds = (now - started) / 1e9;
        double rate = done / seconds;
        step(
            String.format(
                Locale.ROOT,
                "%s: %d/%d, %.1f/s, about %.0f s left (%s)",
                name,
                done,
                total,
                rate,
                (total - done) / rate,
                current));
      }
    }

    @Override
    public void close() {
      step(
          String.format(
              Locale.ROOT,
              "%s: %d/%d in %.1f s",
              name,
              done,
              total,
              (System.nanoTime() - started) / 1e9));
    }
  }
}

package io.migtest.cli;

import io.migtest.gate.Progress;
import java.io.PrintWriter;
import java.util.Map;

/** Shows progress: one updating line on a terminal, plain lines in CI or when piped. */
final class ProgressOutput implements Progress {
  private static final int WIDTH = 100;
  private final PrintWriter out;
  private final boolean terminal;
  private boolean lineOpen;
  private long lastPlainLine;

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
    String line = ConsoleText.safe(message);
    if (terminal) {
      String shown = line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line;
      out.print("\r\033[K" + shown);
      lineOpen = true;
    } else {
      out.println("migtest: " + line);
      lastPlainLine = System.nanoTime();
    }
    out.flush();
  }

  /** On a terminal every tick shows; in plain output at most one every two seconds. */
  @Override
  public synchronized void tick(String message) {
    long now = System.nanoTime();
    if (terminal || now - lastPlainLine > 2_000_000_000L) {
      step(message);
    }
  }

  /** Ends the updating line before other output. */
  synchronized void finish() {
    if (lineOpen) {
      out.print("\r\033[K");
      out.flush();
      lineOpen = false;
    }
  }
}

package io.migtest.gate;

/** Where gates report what they are doing; the CLI shows it on a terminal or as plain lines. */
public interface Progress {
  /** A new step began, e.g. "apply: V12__orders.sql (12/40)". */
  void step(String message);

  /** A frequent update (one per migration); plain output may show only some of them. */
  default void tick(String message) {
    step(message);
  }

  /** Discards progress, for tests and benchmarks. */
  Progress SILENT = message -> {};
}

package io.migtest.gate;

/** Where gates report what they are doing; the CLI shows it on a terminal or as plain lines. */
public interface Progress {
  /** A new step began, e.g. "apply: starting". */
  void step(String message);

  /**
   * Long work of {@code total} units (migrations, mutants), shown with counts, rate and time left;
   * close it when done.
   */
  default Task task(String name, long total) {
    return new Task() {
      @Override
      public void advance(String current) {}

      @Override
      public void close() {}
    };
  }

  /** One piece of long work. */
  interface Task extends AutoCloseable {
    /**
     * One more unit is done; {@code current} says which one comes next, for the display. Gates that
     * work on several threads call it from each.
     */
    void advance(String current);

    @Override
    void close();
  }

  /** Discards progress, for tests and benchmarks. */
  Progress SILENT = message -> {};
}

package io.migtest.cli;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns the exit code, without exiting (for tests). */
  public static int run(String... args) {
    return MigtestCommand.commandLine(args).execute(args);
  }
}

package io.migtest.cli;

import io.migtest.ExitCode;
import io.migtest.MigtestException;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the CLI and returns the exit code, without exiting (for tests). Running out of memory
   * outside the run's own thread (reading the project) ends with a message, not a stack trace.
   */
  public static int run(String... args) {
    try {
      return MigtestCommand.commandLine(args).execute(args);
    } catch (OutOfMemoryError e) {
      System.err.println("migtest: error: " + MigtestException.outOfMemory(e).getMessage());
      return ExitCode.ENVIRONMENT.code();
    }
  }
}

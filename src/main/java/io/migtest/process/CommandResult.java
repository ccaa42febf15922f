package io.migtest.process;

/** The exit status and output of a finished child process. */
public record CommandResult(int exitCode, String output) {
  public boolean succeeded() {
    return exitCode == 0;
  }
}

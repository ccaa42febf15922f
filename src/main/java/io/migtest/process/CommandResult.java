package io.migtest.process;

/**
 * The exit status and output of a finished child process.
 *
 * @param output what it wrote to standard output, and to standard error unless that was kept apart
 * @param errors what it wrote to standard error when that was kept apart, else empty
 */
public record CommandResult(int exitCode, String output, String errors) {
  public boolean succeeded() {
    return exitCode == 0;
  }
}

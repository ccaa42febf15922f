package io.migtest;

/** An error with a message meant for the user and the exit code the CLI ends with. */
public class MigtestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public MigtestException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public MigtestException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** A usage or configuration error (exit 2). */
  public static MigtestException usage(String message) {
    return new MigtestException(ExitCode.USAGE, message);
  }

  /** The environment failed: database, Docker, git or GitHub (exit 3). */
  public static MigtestException environment(String message) {
    return new MigtestException(ExitCode.ENVIRONMENT, message);
  }

  /** The environment failed because of {@code cause}; its stack trace shows only with --debug. */
  public static MigtestException environment(String message, Throwable cause) {
    return new MigtestException(ExitCode.ENVIRONMENT, message, cause);
  }

  /** The JVM's heap was too small for the run (exit 3). */
  public static MigtestException outOfMemory(OutOfMemoryError cause) {
    return environment(
        "migtest ran out of memory (the JVM may use at most "
            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
            + " MB): the project's migrations, tests or seed files are more than that holds."
            + " Give the JVM more (java -Xmx4g -jar migtest.jar ...), or check fewer migrations at"
            + " once (--base).",
        cause);
  }
}

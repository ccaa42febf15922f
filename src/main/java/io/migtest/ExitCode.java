package io.migtest;

/** The documented process exit codes (PRODUCT.md section 4). */
public enum ExitCode {
  /** Every blocking gate passed. */
  OK(0),
  /** A blocking gate failed. */
  GATE_FAILED(1),
  /** Usage or configuration error. */
  USAGE(2),
  /** The environment failed: database could not start, Docker, git or GitHub unreachable. */
  ENVIRONMENT(3);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The exit code whose number is {@code code}. */
  public static ExitCode of(int code) {
    for (ExitCode exit : values()) {
      if (exit.code == code) {
        return exit;
      }
    }
    throw new IllegalArgumentException("no exit code " + code);
  }
}

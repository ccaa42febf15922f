package io.migtest.report;

import io.migtest.ExitCode;

/** How a run ended, as {@code report.json}'s {@code result} says it. */
public enum RunResult {
  /** Every blocking gate passed. */
  PASS,
  /** A blocking gate failed. */
  FAIL,
  /** The run could not finish: the environment failed. */
  ERROR;

  /** The result that goes with {@code exit}. */
  public static RunResult of(ExitCode exit) {
    return switch (exit) {
      case OK -> PASS;
      case GATE_FAILED -> FAIL;
      case USAGE, ENVIRONMENT -> ERROR;
    };
  }
}

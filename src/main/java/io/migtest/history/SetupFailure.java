package io.migtest.history;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;

/** A setup script that failed: no migration could run, and the finding says it was the setup. */
final class SetupFailure {
  private SetupFailure() {}

  static Finding of(Finding failure) {
    return new Finding(
        RuleId.SETUP_FAILED,
        failure.severity(),
        failure.file(),
        failure.line(),
        "The setup script failed, so no migration could run: " + failure.message(),
        failure.sqlstate());
  }
}

package io.migtest.history;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;

/** A Sqitch verify script that raised: the change deployed but does not do what it claims. */
final class VerifyFailure {
  private VerifyFailure() {}

  static Finding of(Finding failure) {
    return new Finding(
        RuleId.VERIFY_FAILED,
        failure.severity(),
        failure.file(),
        failure.line(),
        "The verify script failed after its change deployed: " + failure.message(),
        failure.sqlstate());
  }
}

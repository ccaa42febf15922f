package io.migtest.history;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;

/** Findings that say which step of building a state failed: a setup script or a verify script. */
final class Failures {
  private Failures() {}

  /** A setup script failed, so no migration could run. */
  static Finding setup(Finding failure) {
    return as(RuleId.SETUP_FAILED, "The setup script failed, so no migration could run: ", failure);
  }

  /** A Sqitch verify script raised: the change deployed but does not do what it claims. */
  static Finding verify(Finding failure) {
    return as(
        RuleId.VERIFY_FAILED, "The verify script failed after its change deployed: ", failure);
  }

  private static Finding as(String rule, String prefix, Finding failure) {
    return new Finding(
        rule,
        failure.severity(),
        failure.file(),
        failure.line(),
        prefix + failure.message(),
        failure.sqlstate());
  }
}

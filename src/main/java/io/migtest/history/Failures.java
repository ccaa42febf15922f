package io.migtest.history;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.migration.CallbackEvent;
import io.migtest.migration.Migration;

/**
 * Findings that say which step of building a state failed: a setup script, a verify script or a
 * migration tool's callback.
 */
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

  /**
   * A callback failed where the migration tool runs it: for {@code event}, around {@code migration}
   * when the event is one per migration.
   */
  static Finding callback(CallbackEvent event, Migration migration, Finding failure) {
    String prefix = "The " + event.id() + " callback failed";
    if (migration != null) {
      prefix += " (running with " + migration.file() + ")";
    }
    return as(RuleId.CALLBACK_FAILED, prefix + ": ", failure);
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

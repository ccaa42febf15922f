package io.migtest.db;

import java.util.List;

/**
 * How to start the embedded server's processes, and why that way.
 *
 * @param account the unprivileged account for {@link LaunchMode#SETPRIV}, else null
 * @param launcher absolute path of setpriv, null for {@link LaunchMode#DIRECT}
 */
public record LaunchPlan(LaunchMode mode, SystemAccount account, String launcher, String reason) {

  /** The words put before {@code initdb} and {@code pg_ctl}. */
  public List<String> commandPrefix() {
    return switch (mode) {
      case DIRECT -> List.of();
      case SETPRIV ->
          List.of(
              launcher,
              "--reuid=" + account.uid(),
              "--regid=" + account.gid(),
              "--clear-groups",
              "--");
    };
  }

  /** One line for {@code migtest doctor}. */
  public String describe() {
    return switch (mode) {
      case DIRECT -> "as the current user (" + reason + ")";
      case SETPRIV ->
          "as user '"
              + account.name()
              + "' (uid "
              + account.uid()
              + ") through setpriv ("
              + reason
              + ")";
    };
  }
}

package io.migtest.lint;

import io.migtest.lint.SqlTokens.Kind;
import java.util.Optional;

/**
 * A statement that sets {@code lock_timeout}: {@code SET [SESSION|LOCAL] lock_timeout = / TO v} or
 * {@code SELECT set_config('lock_timeout', v, is_local)}.
 *
 * @param local whether it lasts only until the end of the transaction
 * @param nonZero whether it sets a limit (0 turns the limit off)
 */
record LockTimeoutSetting(boolean local, boolean nonZero) {
  static Optional<LockTimeoutSetting> of(Tokens t) {
    if (t.startsWith("set")) {
      int i = t.matchesAt(1, "session") || t.matchesAt(1, "local") ? 2 : 1;
      if (t.matchesAt(i, "lock_timeout") && (t.matchesAt(i + 1, "=") || t.matchesAt(i + 1, "to"))) {
        return Optional.of(new LockTimeoutSetting(t.matchesAt(1, "local"), nonZero(t, i + 2)));
      }
    }
    int call = t.find(0, "set_config", "(");
    if (t.startsWith("select")
        && call >= 0
        && call + 2 < t.size()
        && t.get(call + 2).kind() == Kind.STRING
        && t.get(call + 2).value().equals("lock_timeout")) {
      boolean local = t.find(call, "true") >= 0;
      return Optional.of(new LockTimeoutSetting(local, nonZero(t, call + 4)));
    }
    return Optional.empty();
  }

  private static boolean nonZero(Tokens t, int i) {
    if (i >= t.size() || t.matchesAt(i, "default")) {
      return false;
    }
    String value = t.get(i).value().strip();
    return !value.isEmpty() && !value.matches("0+(\\.0*)?\\s*[a-z]*");
  }
}

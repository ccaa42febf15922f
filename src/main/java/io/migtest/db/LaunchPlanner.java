package io.migtest.db;

import io.migtest.MigtestException;
import io.migtest.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Decides how to start PostgreSQL without asking the user: directly when not root, else as an
 * unprivileged account through {@code setpriv} (works under Docker's default seccomp profile).
 * There is no fallback to a user namespace ({@code unshare -U}): programs the server starts there
 * keep root's uid outside the namespace and can write root's files.
 */
public final class LaunchPlanner {
  private static final Path PASSWD = Path.of("/etc/passwd");

  private LaunchPlanner() {}

  /** The plan for this process, or an environment error that says what to do instead. */
  public static LaunchPlan plan(Map<String, String> env) {
    int uid = currentUid();
    if (uid != 0) {
      return new LaunchPlan(
          LaunchMode.DIRECT, null, null, "migtest runs as uid " + uid + ", not root");
    }
    Optional<Path> setpriv = Executables.find("setpriv", env);
    Optional<SystemAccount> account = SystemAccount.find(PASSWD, env.get("MIGTEST_POSTGRES_USER"));
    if (setpriv.isPresent() && account.isPresent()) {
      return new LaunchPlan(
          LaunchMode.SETPRIV,
          account.get(),
          setpriv.get().toString(),
          "migtest runs as root and PostgreSQL refuses root");
    }
    throw MigtestException.environment(
        "Cannot start the embedded PostgreSQL as root: PostgreSQL refuses to run as root, and "
            + missing(setpriv, account)
            + ". Install util-linux (setpriv) and create an unprivileged user (e.g. `useradd"
            + " --system migtest`), run migtest as a non-root user, or use an existing server"
            + " with --database-url or Docker with --postgres-image.");
  }

  /** The same plan with another mode forced, for benchmarks and tests. */
  public static LaunchPlan forced(LaunchMode mode, Map<String, String> env) {
    return switch (mode) {
      case DIRECT -> new LaunchPlan(LaunchMode.DIRECT, null, null, "forced");
      case SETPRIV ->
          new LaunchPlan(
              LaunchMode.SETPRIV,
              SystemAccount.find(PASSWD, env.get("MIGTEST_POSTGRES_USER"))
                  .orElseThrow(() -> MigtestException.environment("No unprivileged account found")),
              Executables.find("setpriv", env)
                  .orElseThrow(() -> MigtestException.environment("setpriv is not on PATH"))
                  .toString(),
              "forced");
    };
  }

  private static String missing(Optional<Path> setpriv, Optional<SystemAccount> account) {
    if (setpriv.isEmpty()) {
      return "setpriv is not on PATH";
    }
    return "an unprivileged account ("
        + String.join(", ", SystemAccount.PREFERRED)
        + ") is missing";
  }

  static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return -1;
    }
  }
}

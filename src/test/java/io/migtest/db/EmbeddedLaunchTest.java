package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the embedded server starts as root, including the GitHub container action's situation where
 * Docker's seccomp profile refuses {@code unshare}.
 */
class EmbeddedLaunchTest {
  @TempDir Path tools;

  @BeforeEach
  void onlyAsRoot() {
    assumeTrue(LaunchPlanner.currentUid() == 0, "these launch modes are for root");
  }

  /** A PATH whose {@code unshare} fails like under Docker's default seccomp profile. */
  private Map<String, String> refusingUnshare(boolean withSetpriv) throws IOException {
    Path fake = tools.resolve("unshare");
    Files.writeString(
        fake, "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    link("id");
    if (withSetpriv) {
      link("setpriv");
    }
    Map<String, String> env = new HashMap<>();
    env.put("PATH", tools.toString());
    return env;
  }

  /** Puts a wrapper that runs the real {@code program} into the tools folder. */
  private void link(String program) throws IOException {
    Path target = Executables.find(program, System.getenv()).orElseThrow();
    Path wrapper = tools.resolve(program);
    Files.writeString(wrapper, "#!/bin/sh\nexec " + target + " \"$@\"\n");
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void rootWhereUnshareIsRefusedStartsPostgresAsAnUnprivilegedUserThroughSetpriv()
      throws Exception {
    EmbeddedProvider provider = new EmbeddedProvider(refusingUnshare(true), null);
    LaunchPlan plan = provider.launchPlan();
    assertThat(plan.mode()).isEqualTo(LaunchMode.SETPRIV);
    assertThat(plan.account().uid()).isNotZero();
    assertThat(provider.plan()).contains("through setpriv").contains(plan.account().name());
    try (DatabaseServer server = provider.start();
        ScratchDatabase db = server.createScratch("launch");
        Connection c = db.connect()) {
      var rs =
          c.createStatement()
              .executeQuery("SELECT current_setting('fsync'), current_setting('full_page_writes')");
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("off");
      assertThat(rs.getString(2)).isEqualTo("off");
    }
  }

  @Test
  void rootWithoutSetprivRefusesEvenWhereAUserNamespaceWouldWork() throws Exception {
    // In a user namespace without a uid map, programs the server starts keep root's uid outside
    // it and could write root's files.
    link("unshare");
    link("id");
    Map<String, String> env = Map.of("PATH", tools.toString());
    assertThatThrownBy(() -> LaunchPlanner.plan(env))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("setpriv is not on PATH");
  }

  @Test
  void rootWithNeitherSaysWhatToDoInstead() throws IOException {
    Map<String, String> env = refusingUnshare(false);
    assertThatThrownBy(() -> LaunchPlanner.plan(env))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("setpriv is not on PATH")
        .hasMessageContaining("--database-url")
        .hasMessageContaining("--postgres-image");
  }
}

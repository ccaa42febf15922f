package io.migtest.oracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migtest.db.ServerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test command gets the database's connection variables and none of the runner's secrets. */
class TestCommandTest {
  @TempDir Path project;

  /** Where the command writes what it saw: as root it runs as an unprivileged user. */
  @TempDir Path drop;

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  private Path openDrop() throws IOException {
    Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    return drop;
  }

  private static final ServerEndpoint ENDPOINT =
      new ServerEndpoint("127.0.0.1", 54321, "postgres", "p@ss word", "postgres", Map.of());

  @Test
  void getsConnectionVariablesAndToolSettingsButNoSecrets() throws IOException {
    Map<String, String> parent =
        Map.of(
            "PATH", System.getenv("PATH"),
            "HOME", "/home/runner",
            "JAVA_HOME", "/opt/jdk",
            "INPUT_GITHUB-TOKEN", "ghs_secret",
            "ACTIONS_RUNTIME_TOKEN", "runtime_secret",
            "GITHUB_TOKEN", "gh_secret",
            "AWS_SECRET_ACCESS_KEY", "aws_secret");
    Path envFile = openDrop().resolve("env.txt");
    TestCommand command =
        new TestCommand("env > " + envFile, project, parent, Duration.ofSeconds(30));
    assertThat(command.run(ENDPOINT, "migtest_history_1")).isEmpty();
    String env = Files.readString(envFile);
    assertThat(env)
        .contains(
            "DATABASE_URL=postgres://postgres:p%40ss%20word@127.0.0.1:54321/migtest_history_1")
        .contains("PGHOST=127.0.0.1")
        .contains("PGPORT=54321")
        .contains("PGUSER=postgres")
        .contains("PGPASSWORD=p@ss word")
        .contains("PGDATABASE=migtest_history_1")
        .contains("JAVA_HOME=/opt/jdk")
        .doesNotContain("secret");
    assertThat(env)
        .contains(root() ? "HOME=" + System.getProperty("java.io.tmpdir") : "HOME=/home/runner");
  }

  @Test
  void asRootItRunsAsAnUnprivilegedUserWithAPrivateHomeThatIsRemovedAfterwards() throws Exception {
    assumeTrue(root(), "dropping privileges needs root");
    Path seen = openDrop().resolve("seen.txt");
    TestCommand command =
        new TestCommand(
            "{ id -u; echo \"$HOME\"; touch \"$HOME/made-here\" && echo home-writable;"
                + " touch made-in-project 2>/dev/null || echo project-read-only; } > "
                + seen,
            project,
            Map.of("PATH", System.getenv("PATH")),
            Duration.ofSeconds(30));
    assertThat(command.run(ENDPOINT, "db")).isEmpty();
    List<String> lines = Files.readAllLines(seen);
    assertThat(lines.get(0)).isNotEqualTo("0");
    assertThat(lines).contains("home-writable", "project-read-only");
    assertThat(Path.of(lines.get(1))).doesNotExist();
  }

  @Test
  void processesTheCommandLeavesRunningAreKilledWhenItEnds() throws Exception {
    Path pidFile = openDrop().resolve("pid.txt");
    TestCommand command =
        new TestCommand(
            "sleep 300 & echo $! > " + pidFile,
            project,
            Map.of("PATH", System.getenv("PATH")),
            Duration.ofSeconds(30));
    assertThat(command.run(ENDPOINT, "db")).isEmpty();
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(endsWithin(pid, Duration.ofSeconds(10))).as("background sleep killed").isTrue();
  }

  /** True once the process is gone or a zombie (killed, not yet reaped by its new parent). */
  static boolean endsWithin(long pid, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    Path stat = Path.of("/proc", String.valueOf(pid), "stat");
    while (System.nanoTime() < deadline) {
      try {
        if (Files.readString(stat).contains(") Z ")) {
          return true;
        }
      } catch (IOException gone) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  @Test
  void aFailingCommandReportsItsExitStatusAndTheEndOfItsOutput() {
    TestCommand command =
        new TestCommand(
            "for i in $(seq 1 50); do echo line $i; done; exit 4",
            project,
            Map.of(),
            Duration.ofSeconds(30));
    String message = command.run(ENDPOINT, "db").orElseThrow().message();
    assertThat(message)
        .contains("exited with 4")
        .contains("line 50")
        .contains("line 31")
        .doesNotContain("line 30\n");
  }
}

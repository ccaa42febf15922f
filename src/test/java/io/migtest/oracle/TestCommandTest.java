package io.migtest.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.ServerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test command gets the database's connection variables and none of the runner's secrets. */
class TestCommandTest {
  @TempDir Path project;

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
    TestCommand command = new TestCommand("env > env.txt", project, parent, Duration.ofSeconds(30));
    assertThat(command.run(ENDPOINT, "migtest_history_1")).isEmpty();
    String env = Files.readString(project.resolve("env.txt"));
    assertThat(env)
        .contains(
            "DATABASE_URL=postgres://postgres:p%40ss%20word@127.0.0.1:54321/migtest_history_1")
        .contains("PGHOST=127.0.0.1")
        .contains("PGPORT=54321")
        .contains("PGUSER=postgres")
        .contains("PGPASSWORD=p@ss word")
        .contains("PGDATABASE=migtest_history_1")
        .contains("HOME=/home/runner")
        .contains("JAVA_HOME=/opt/jdk")
        .doesNotContain("secret");
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

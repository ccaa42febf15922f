package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.db.SharedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation state file as a user meets it: a run killed part way resumes where it stopped, a
 * repeated run reuses what still holds and reruns what a changed test may judge otherwise, and a
 * state file that is corrupt or forged is discarded with a warning.
 */
class MutationStateResumeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void aRunKilledPartWayResumesWhereItStoppedWithTheResultsOfAWholeRun() throws Exception {
    project();
    Path state = dir.resolve(".migtest/state.json");
    Set<String> before = scratchDatabases();
    Process killed = startMutate(dir.resolve("killed"));
    try {
      awaitKeptMutants(state, 3, killed);
    } finally {
      killed.destroyForcibly().waitFor();
      cleanUpAfter(before);
    }
    int keptBeforeTheKill = mutantsIn(state).size();

    CliRun resumed = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/resumed");
    CliRun whole =
        CliRun.of("mutate", dir.toString(), "--state-file", "off", "--report-dir", dir + "/whole");

    assertThat(resumed.out())
        .as(resumed.all())
        .containsPattern("(\\d+) of \\d+ results reused from .migtest/state.json");
    assertThat(reusedCount(resumed.out())).isGreaterThanOrEqualTo(keptBeforeTheKill);
    assertThat(statuses(dir.resolve("resumed"))).isEqualTo(statuses(dir.resolve("whole")));
    assertThat(mutantsIn(state)).hasSize(statuses(dir.resolve("whole")).size());
  }

  @Test
  void aRepeatedRunReusesEveryResultAndAChangedTestRunsWhatItCouldJudgeAgain() throws Exception {
    project();
    CliRun first = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/first");
    Set<String> expected = statuses(dir.resolve("first"));

    CliRun again = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/again");
    Files.writeString(
        dir.resolve("db/tests/accounts.sql"),
        "\n-- a comment changes the file's hash\n",
        java.nio.file.StandardOpenOption.APPEND);
    CliRun changed = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/changed");

    assertThat(first.out()).as(first.all()).doesNotContain("reused");
    int all = expected.size();
    assertThat(again.out()).contains(all + " of " + all + " results reused");
    assertThat(statuses(dir.resolve("again"))).isEqualTo(expected);
    // Kills by the changed file and survivors (every test judged them) run again; kills by the
    // unchanged file and migtest's own checks are kept.
    assertThat(reusedCount(changed.out())).isPositive().isLessThan(all);
    assertThat(statuses(dir.resolve("changed"))).isEqualTo(expected);
  }

  @Test
  void aForgedStateFileIsDiscardedWithAWarningAndNeverTrusted() throws Exception {
    project();
    CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/first");
    Path state = dir.resolve(".migtest/state.json");
    // What a pull request could commit: every survivor marked KILLED.
    String forged =
        Files.readString(state)
            .replace("\"SURVIVED\"", "\"KILLED\"")
            .replace("\"NO_COVERAGE\"", "\"KILLED\"");
    assertThat(forged).isNotEqualTo(Files.readString(state));
    Files.writeString(state, forged);

    CliRun run = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/forged");

    assertThat(run.out())
        .as(run.all())
        .contains("[mutation-state-discarded]")
        .contains("its signature does not match")
        .doesNotContain("reused");
    assertThat(statuses(dir.resolve("forged"))).isEqualTo(statuses(dir.resolve("first")));
  }

  @Test
  void aCorruptStateFileIsDiscardedWithAWarningAndWrittenAfresh() throws Exception {
    project();
    Path state = Files.createDirectories(dir.resolve(".migtest")).resolve("state.json");
    Files.writeString(state, "{\"format\": \"migtest-mutation-state\", \"mutants\": {");

    CliRun run = CliRun.of("mutate", dir.toString(), "--report-dir", dir + "/out");

    assertThat(run.out()).as(run.all()).contains("[mutation-state-discarded]").contains("corrupt");
    assertThat(mutantsIn(state)).hasSize(statuses(dir.resolve("out")).size());
  }

  private Process startMutate(Path report) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.migtest.cli.Main",
            "mutate",
            dir.toString(),
            "--report-dir",
            report.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(dir.resolve("killed.log").toFile());
    builder.environment().put("DATABASE_URL", SharedServer.url());
    builder.environment().put("MIGTEST_MUTATION_WORKERS", "1");
    return builder.start();
  }

  /** Waits until the running mutate has kept {@code count} results, or fails on its log. */
  private void awaitKeptMutants(Path state, int count, Process running) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (mutantsIn(state).size() < count) {
      assertThat(running.isAlive())
          .as("mutate ended before it kept %d results: %s", count, log())
          .isTrue();
      assertThat(Instant.now()).as(log()).isBefore(deadline);
      Thread.sleep(20);
    }
  }

  private static Set<String> scratchDatabases() throws SQLException {
    Set<String> names = new TreeSet<>();
    try (Connection c = SharedServer.get().endpoint().connect("postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'migtest\\_%'")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /**
   * A killed run cannot drop its scratch databases on the shared server, and its server sessions
   * may still be creating one; other tests count them. Tests run one at a time, so every other
   * session on the server is the killed run's: they are ended (a CREATE DATABASE they were running
   * rolls back), then the databases the run made are dropped.
   */
  private static void cleanUpAfter(Set<String> before) throws Exception {
    try (Connection c = SharedServer.get().endpoint().connect("postgres")) {
      String others =
          "FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'";
      c.createStatement().execute("SELECT pg_terminate_backend(pid) " + others);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (true) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) " + others)) {
          rs.next();
          if (rs.getInt(1) == 0) {
            break;
          }
        }
        assertThat(Instant.now()).as("the killed run's sessions end").isBefore(deadline);
        Thread.sleep(20);
      }
      Set<String> left = scratchDatabases();
      left.removeAll(before);
      for (String name : left) {
        c.createStatement().execute("DROP DATABASE \"" + name + "\" WITH (FORCE)");
      }
    }
  }

  private String log() throws IOException {
    return Files.readString(dir.resolve("killed.log"));
  }

  private static Set<String> mutantsIn(Path state) throws IOException {
    Set<String> ids = new TreeSet<>();
    if (Files.exists(state)) {
      JSON.readTree(state.toFile()).get("mutants").fieldNames().forEachRemaining(ids::add);
    }
    return ids;
  }

  private static int reusedCount(String out) {
    var matcher = java.util.regex.Pattern.compile("(\\d+) of \\d+ results reused").matcher(out);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
  }

  private static Set<String> statuses(Path report) throws IOException {
    Set<String> all = new TreeSet<>();
    JsonNode mutation = JSON.readTree(report.resolve("report.json").toFile()).get("mutation");
    mutation
        .get("mutants")
        .forEach(
            m ->
                all.add(
                    m.get("id").asText()
                        + " "
                        + m.get("status").asText()
                        + " "
                        + m.path("killedBy").asText()));
    return all;
  }

  private void project() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(
        migrations.resolve("V1__accounts.sql"),
        """
        CREATE TABLE accounts (
          id bigint PRIMARY KEY,
          email text NOT NULL,
          balance numeric CHECK (balance >= 0),
          plan text DEFAULT 'free'
        );
        """);
    Files.writeString(
        migrations.resolve("V2__account_owner.sql"),
        """
        ALTER TABLE accounts ADD COLUMN owner text;
        UPDATE accounts SET owner = email WHERE owner IS NULL;
        """);
    Path tests = Files.createDirectories(dir.resolve("db/tests"));
    Files.writeString(
        tests.resolve("accounts.sql"),
        """
        -- migtest:expect-error 23502
        INSERT INTO accounts (id, email) VALUES (1, NULL);
        -- migtest:expect-error 23514
        INSERT INTO accounts (id, email, balance) VALUES (2, 'a@example.com', -1);
        """);
    Files.writeString(
        tests.resolve("plans.sql"),
        """
        INSERT INTO accounts (id, email) VALUES (3, 'b@example.com');
        DO $$ BEGIN
          IF (SELECT plan FROM accounts WHERE id = 3) IS DISTINCT FROM 'free' THEN
            RAISE EXCEPTION 'a new account is on the free plan';
          END IF;
        END $$;
        """);
  }
}

package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest mutate} as a user runs it: the mutation gate alone, its report and exit code. */
class MutateCommandTest {
  @TempDir Path dir;

  @Test
  void runsTheMutationGateAloneAndFailsUnderTheThreshold() throws IOException {
    project();
    Path report = dir.resolve("report");

    CliRun run = CliRun.of("mutate", dir.toString(), "--report-dir", report.toString());

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("mutation     FAIL")
        .contains("apply        SKIP")
        .contains("[mutation-score-below-threshold]");
    JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
    JsonNode mutation = json.get("mutation");
    assertThat(mutation.get("threshold").asDouble()).isEqualTo(80.0);
    assertThat(mutation.get("counts").get("KILLED").asInt()).isEqualTo(1);
    JsonNode killed = mutation.get("mutants").get(0);
    assertThat(killed.get("operator").asText()).isEqualTo("SCH_001");
    assertThat(killed.get("killedBy").asText()).isEqualTo("test:db/tests/notes.sql");
    assertThat(Files.readString(report.resolve("report.md")))
        .contains("### Mutation: score ")
        .contains("| Mutant | Where | Change | Original | Mutated | A test that kills it |");
  }

  @Test
  void passesAtTheThresholdItIsGiven() throws IOException {
    project();

    CliRun run =
        CliRun.of(
            "mutate",
            dir.toString(),
            "--threshold",
            "10",
            "--report-dir",
            dir.resolve("report").toString());

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).containsPattern("mutation +PASS .*score \\d+\\.\\d% \\(threshold 10%\\)");
  }

  private void project() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(
        migrations.resolve("V1__notes.sql"),
        "CREATE TABLE notes (id bigint PRIMARY KEY, body text NOT NULL);\n");
    Path tests = Files.createDirectories(dir.resolve("db/tests"));
    Files.writeString(
        tests.resolve("notes.sql"),
        "-- migtest:expect-error 23502\nINSERT INTO notes (id, body) VALUES (1, NULL);\n");
  }
}

package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.db.SharedServer;
import io.migtest.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The examples do what the README says: each one's tests pass on its migrations and kill most of
 * their mutants, and the failing example fails for the bugs its README lists.
 */
class ExampleReportsTest {
  @TempDir Path reports;
  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"shop", "blog", "subscriptions"})
  void eachExamplesTestsPassAndKillMostOfItsMutants(String example) throws IOException {
    Path project = work.resolve(example);
    TreeCopy.copy(Path.of("examples", example).toAbsolutePath(), project);
    CliRun run =
        CliRun.of(
            "check",
            project.toString(),
            "--database-url",
            SharedServer.url(),
            "--gates",
            "apply,mutation",
            "--report-dir",
            reports.toString());

    assertThat(run.exitCode()).as(run.all()).isZero();
    JsonNode report = JsonReport.mapper().readTree(reports.resolve("report.json").toFile());
    for (JsonNode gate : report.get("gates")) {
      if (List.of("apply", "mutation").contains(gate.get("id").asText())) {
        assertThat(gate.get("status").asText()).as(gate.toString()).isEqualTo("PASS");
      }
    }
    assertThat(report.get("mutation").get("score").asDouble()).isGreaterThanOrEqualTo(80.0);
    assertThat(report.get("mutation").get("counts").get("KILLED").asInt()).isPositive();
  }

  @Test
  void theSubscriptionsExampleFailsWithItsRollbackAndDataBugs() throws IOException {
    CliRun run =
        CliRun.of(
            "check",
            Path.of("examples/subscriptions").toAbsolutePath().toString(),
            "--database-url",
            SharedServer.url(),
            "--gates",
            "rollback,data",
            "--report-dir",
            reports.toString());

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    JsonNode report = JsonReport.mapper().readTree(reports.resolve("report.json").toFile());
    assertThat(findings(report, "rollback"))
        .containsExactly(
            "down-does-not-restore 20240310090000_split_account_names.down.sql",
            "down-does-not-restore 20240311090000_link_subscriptions.down.sql",
            "up-after-down-fails 20240311090000_link_subscriptions.up.sql");
    assertThat(findings(report, "data"))
        .containsExactly(
            "data-not-restored 20240310090000_split_account_names.down.sql",
            "foreign-key-orphans 20240311090000_link_subscriptions.up.sql",
            "data-not-restored 20240311090000_link_subscriptions.down.sql");
    assertThat(Files.readString(reports.resolve("report.md")))
        .contains("data-not-restored")
        .contains("foreign-key-orphans");
  }

  private static List<String> findings(JsonNode report, String gate) {
    List<String> found = new ArrayList<>();
    for (JsonNode g : report.get("gates")) {
      if (g.get("id").asText().equals(gate)) {
        for (JsonNode f : g.get("findings")) {
          if (!f.get("severity").asText().equals("info")) {
            String file = f.get("file").asText();
            found.add(f.get("rule").asText() + " " + file.substring(file.lastIndexOf('/') + 1));
          }
        }
      }
    }
    return found;
  }
}

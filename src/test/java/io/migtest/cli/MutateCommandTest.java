package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void shardReportsMergeIntoTheReportOfAnUnshardedRun() throws IOException {
    project();
    Path whole = dir.resolve("whole");
    Path shards = dir.resolve("shards");
    Path merged = dir.resolve("merged");
    // Without a state file, so that each shard runs its mutants rather than reuse the whole run's.
    mutate("--report-dir", whole.toString());
    mutate("--shard", "1/2", "--report-dir", shards + "/1");
    mutate("--shard", "2/2", "--report-dir", shards + "/2");

    CliRun run = CliRun.of("report", "merge", "--report-dir", merged.toString(), shards.toString());

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("2 shards merged").contains("[mutation-score-below-threshold]");
    ObjectMapper json = new ObjectMapper();
    JsonNode expected = json.readTree(whole.resolve("report.json").toFile()).get("mutation");
    JsonNode actual = json.readTree(merged.resolve("report.json").toFile()).get("mutation");
    assertThat(actual.get("score")).isEqualTo(expected.get("score"));
    assertThat(actual.get("counts")).isEqualTo(expected.get("counts"));
    assertThat(statuses(actual)).isEqualTo(statuses(expected));
    JsonNode stryker = json.readTree(merged.resolve("mutation-report.json").toFile());
    assertThat(stryker.get("files").get("db/migrations/V1__notes.sql").get("source").asText())
        .startsWith("CREATE TABLE notes");
    assertThat(Files.readString(merged.resolve("report.md"))).contains("### Mutation: score ");
  }

  /**
   * Mutants of one migration share a kept copy of its state, each in a transaction that is rolled
   * back: a test that expects the first row's id to be 1 must see 1 for every mutant, so the
   * identity's sequence is set back after each (a later CONCURRENTLY index runs in the transaction
   * as a plain one).
   */
  @Test
  void mutantsThatShareACopyOfTheirStateEachSeeItAsItWas() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(
        migrations.resolve("V1__items.sql"),
        "CREATE TABLE items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " name text NOT NULL, qty int NOT NULL DEFAULT 1 CHECK (qty > 0));\n");
    Files.writeString(
        migrations.resolve("V2__items_by_name.sql"),
        "CREATE INDEX CONCURRENTLY items_by_name ON items (name);\n");
    Path tests = Files.createDirectories(dir.resolve("db/tests"));
    Files.writeString(
        tests.resolve("items.sql"),
        """
        INSERT INTO items (name) VALUES ('a');
        DO $$ BEGIN
          IF (SELECT max(id) FROM items) <> 1 THEN
            RAISE EXCEPTION 'the first item does not get id 1';
          END IF;
        END $$;
        -- migtest:expect-error 23502
        INSERT INTO items (name) VALUES (NULL);
        -- migtest:expect-error 23514
        INSERT INTO items (name, qty) VALUES ('b', 0);
        """);
    Files.writeString(dir.resolve("migtest.yml"), "mutation:\n  workers: 1\n");
    Path report = dir.resolve("report");

    CliRun run =
        CliRun.of(
            "mutate", dir.toString(), "--state-file", "off", "--report-dir", report.toString());

    JsonNode mutants =
        new ObjectMapper()
            .readTree(report.resolve("report.json").toFile())
            .get("mutation")
            .get("mutants");
    List<String> killedInV1 = new ArrayList<>();
    mutants.forEach(
        m -> {
          assertThat(m.path("detail").asText()).as(run.all()).doesNotContain("id 1");
          if (m.get("status").asText().equals("KILLED")
              && m.get("file").asText().endsWith("V1__items.sql")) {
            killedInV1.add(m.get("operator").asText());
          }
        });
    assertThat(killedInV1).as(run.all()).contains("SCH_001", "SCH_007").hasSizeGreaterThan(2);
  }

  /** A failed runner's shard, one given twice or a whole run's report must not merge to a PASS. */
  @Test
  void onlyEveryShardOfOneRunEachOnceMerges() throws IOException {
    project();
    Path shards = dir.resolve("shards");
    mutate("--shard", "1/2", "--report-dir", shards + "/1");
    mutate("--shard", "2/2", "--report-dir", shards + "/2");
    mutate("--report-dir", dir.resolve("whole").toString());
    Path out = dir.resolve("merged");

    CliRun missing = merge(out, shards.resolve("1"));
    assertThat(missing.exitCode()).as(missing.all()).isEqualTo(2);
    assertThat(missing.err()).contains("The reports of shard 2/2 are missing");

    TreeCopy.copy(shards.resolve("1"), dir.resolve("copy-of-1"));
    CliRun twice = merge(out, shards, dir.resolve("copy-of-1"));
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err()).contains("Shard 1/2 is there twice");

    CliRun whole = merge(out, shards, dir.resolve("whole"));
    assertThat(whole.exitCode()).isEqualTo(2);
    assertThat(whole.err()).contains("is the report of a whole run");
    assertThat(out.resolve("report.json")).doesNotExist();

    CliRun over = merge(shards.resolve("1"), shards);
    assertThat(over.exitCode()).isEqualTo(2);
    assertThat(over.err()).contains("which holds shard reports");
  }

  /** A score over the statements JSqlParser parses must not pass for a score over all of them. */
  @Test
  void theSummaryCountsStatementsOnlyTextLevelOperatorsCouldMutate() throws IOException {
    project();
    Files.writeString(
        dir.resolve("db/migrations/V2__stats.sql"),
        "CREATE STATISTICS notes_stats ON id, body FROM notes;\n");

    CliRun run =
        CliRun.of("mutate", dir.toString(), "--report-dir", dir.resolve("report").toString());

    assertThat(run.out())
        .contains("1 statement JSqlParser cannot parse got text-level operators only");
  }

  @Test
  void mergingFoldersWithoutReportsIsAUsageError() throws IOException {
    Files.createDirectories(dir.resolve("empty"));

    CliRun run = CliRun.of("report", "merge", dir.resolve("empty").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No report.json below");
  }

  @Test
  void aReportJsonThatIsALinkIsNotFollowed() throws IOException {
    Path elsewhere = Files.writeString(dir.resolve("secret.json"), "{\"schemaVersion\": 1}");
    Path shard = Files.createDirectories(dir.resolve("shard"));
    Files.createSymbolicLink(shard.resolve("report.json"), elsewhere);

    CliRun run =
        CliRun.of(
            "report", "merge", "--report-dir", dir.resolve("out").toString(), shard.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No report.json below");
  }

  private static CliRun merge(Path out, Path... folders) {
    List<String> args = new ArrayList<>(List.of("report", "merge", "--report-dir", out.toString()));
    for (Path folder : folders) {
      args.add(folder.toString());
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private void mutate(String... args) {
    List<String> all = new ArrayList<>(List.of("mutate", dir.toString(), "--state-file", "off"));
    all.addAll(List.of(args));
    CliRun.of(all.toArray(String[]::new));
  }

  private static java.util.Set<String> statuses(JsonNode mutation) {
    java.util.Set<String> all = new java.util.TreeSet<>();
    mutation.get("mutants").forEach(m -> all.add(m.get("id").asText() + " " + m.get("status")));
    return all;
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

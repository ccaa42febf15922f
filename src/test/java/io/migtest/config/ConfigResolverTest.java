package io.migtest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.gate.DataSettings;
import io.migtest.gate.GateId;
import io.migtest.gate.GateMode;
import io.migtest.gate.MutationSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigResolverTest {
  @TempDir Path project;

  private Config resolve(String yaml, Map<String, String> env, Map<String, Setting> flags)
      throws IOException {
    if (yaml != null) {
      Files.writeString(project.resolve("migtest.yml"), yaml);
    } else {
      Files.deleteIfExists(project.resolve("migtest.yml"));
    }
    return ConfigResolver.resolve(project, null, env, flags);
  }

  private void assertUsageError(String yaml, String... fragments) {
    assertThatThrownBy(() -> resolve(yaml, Map.of(), Map.of()))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .message()
        .contains(fragments);
  }

  @Test
  void fileThenEnvironmentThenFlagsTheLaterWinning() throws IOException {
    String yaml =
        "migrations: db/a\nlayout: flyway\ngates:\n  apply: warn\n  rollback: off\n"
            + "database:\n  lock-timeout: 5s\n  statement-timeout: 2m\n";
    Config config =
        resolve(
            yaml,
            Map.of(
                "MIGTEST_MIGRATIONS",
                "db/b",
                "MIGTEST_LOCK_TIMEOUT",
                "7s",
                "DATABASE_URL",
                "postgres://h/db"),
            Map.of("migrations", new Setting("db/c", "--migrations")));
    assertThat(config.migrations()).isEqualTo("db/c");
    assertThat(config.layout()).isEqualTo("flyway");
    assertThat(config.gates().mode(GateId.APPLY)).isEqualTo(GateMode.WARN);
    assertThat(config.gates().mode(GateId.ROLLBACK))
        .as("YAML 1.1 reads off as false")
        .isEqualTo(GateMode.OFF);
    assertThat(config.gates().mode(GateId.LINT)).isEqualTo(GateMode.BLOCK);
    assertThat(config.timeouts().lockTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.timeouts().statementTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.databaseUrl()).isEqualTo("postgres://h/db");
    assertThat(config.reportDir()).isEqualTo(Path.of("migtest-report").toAbsolutePath());
    Config fromFile = resolve("report-dir: out\n", Map.of(), Map.of());
    assertThat(fromFile.reportDir())
        .as("relative to the project")
        .isEqualTo(project.resolve("out"));
  }

  @Test
  void anUnknownKeyNamesTheKeyAndItsLine() {
    assertUsageError(
        "layout: flyway\ngates:\n  aply: block\n",
        "migtest.yml line 3",
        "unknown key 'gates.aply'");
  }

  @Test
  void aBadValueNamesTheKeyTheLineAndWhatIsExpected() {
    assertUsageError(
        "\n\ngates:\n  apply: sometimes\n",
        "migtest.yml line 4",
        "gates.apply",
        "block, warn or off");
    assertUsageError("database:\n  lock-timeout: soon\n", "line 2", "a duration");
    assertUsageError("database:\n  statement-timeout: 600h\n", "line 2", "a duration");
    assertThatThrownBy(
            () ->
                resolve(
                    null,
                    Map.of(),
                    Map.of("database.lock-timeout", new Setting("5min", "--lock-timeout"))))
        .hasMessage("--lock-timeout is '5min'; expected a duration such as 500ms, 30s, 5m or 1h.");
    assertUsageError("layout: rails\n", "line 1", "Unknown layout 'rails'");
  }

  @Test
  void theDbmateSectionTakesDbmatesFlagNamesAndTheEnvironmentWins() throws IOException {
    Config config =
        resolve(
            "dbmate:\n  migrations-dir: db/schema\n  strict: true\n  search-path: app\n",
            Map.of("MIGTEST_DBMATE_MIGRATIONS_TABLE", "meta.done"),
            Map.of());
    assertThat(config.dbmateSettings().values())
        .extracting(s -> s.key() + "=" + s.value() + " @ " + s.source())
        .containsExactly(
            "dbmate.migrations-dir=db/schema @ migtest.yml line 2",
            "dbmate.migrations-table=meta.done @ MIGTEST_DBMATE_MIGRATIONS_TABLE",
            "dbmate.strict=true @ migtest.yml line 3",
            "dbmate.search-path=app @ migtest.yml line 4");
    assertThat(config.dbmateSettings()).containsKeys("DBMATE_STRICT", "search_path");
    assertUsageError(
        "dbmate:\n  strict: sometimes\n",
        "migtest.yml line 2: 'dbmate.strict' is 'sometimes'; expected true or false.");
    assertUsageError("dbmate:\n  migrations-folder: db\n", "line 2", "'dbmate.migrations-folder'");
  }

  /** Writing the baseline instead of judging against it is migtest baseline update's alone. */
  @Test
  void aPullRequestCannotTurnThePerformanceGateIntoABaselineUpdate() {
    assertUsageError(
        "performance:\n  update-baseline: true\n",
        "line 2",
        "unknown key 'performance.update-baseline'");
  }

  @Test
  void malformedYamlIsAUsageErrorWithALine() {
    assertUsageError("layout: flyway\nbase: \"main\n", "migtest.yml line", "not valid YAML");
    assertUsageError(
        "layout: flyway\ngates: [apply]\n",
        "line 2",
        "'gates' is a section: give it nested keys (lint, apply, rollback, data, mutation,"
            + " performance)");
    assertUsageError("report-dir: [a, b]\n", "line 1", "'report-dir' must be a single value");
    assertUsageError("- a\n- b\n", "line 1", "mapping");
  }

  @Test
  void gatesAndShardFlagsAreValidated() throws IOException {
    assertThatThrownBy(
            () -> resolve(null, Map.of(), Map.of("gates", new Setting("apply,mutaton", "--gates"))))
        .hasMessageContaining("--gates: unknown gate 'mutaton'");
    assertThatThrownBy(() -> resolve(null, Map.of("MIGTEST_SHARD", "3/2"), Map.of()))
        .hasMessageContaining("MIGTEST_SHARD")
        .hasMessageContaining("i/n");
    assertThat(
            resolve(null, Map.of(), Map.of("gates", new Setting("apply, lint", "--gates")))
                .gates()
                .selected())
        .containsExactly(GateId.APPLY, GateId.LINT);
  }

  @Test
  void performanceSettingsAreCheckedAgainstTheirRanges() throws IOException {
    assertUsageError(
        "performance:\n  scale: 50000000\n",
        "migtest.yml line 2",
        "performance.scale",
        "from 1 to 1000000 (rows per table");
    assertUsageError("performance:\n  repeats: 0\n", "performance.repeats", "from 1 to 25");
    assertUsageError("performance:\n  threshold: many\n", "performance.threshold", "whole number");
    Config config =
        resolve(
            "performance:\n  scale: 500\n  noise-floor: 10ms\n",
            Map.of("MIGTEST_PERFORMANCE_SCALE", "700"),
            Map.of());
    assertThat(config.gates().performance().scale()).as("the environment wins").isEqualTo(700);
    assertThat(config.gates().performance().noiseFloor()).isEqualTo(Duration.ofMillis(10));
    assertThat(config.gates().performance().baseline())
        .isEqualTo(project.resolve(".migtest/baseline.json"));
  }

  @Test
  void mutationSettingsAreCheckedAndOperatorsNamedExactly() throws IOException {
    assertUsageError(
        "mutation:\n  threshold: 120\n", "migtest.yml line 2", "mutation.threshold", "0 to 100");
    assertUsageError(
        "mutation:\n  disable: [SCH_001, SCH_999]\n",
        "mutation.disable names `SCH_999`",
        "`migtest mutants` lists them");
    Config config =
        resolve(
            "mutation:\n  threshold: 72.5\n  fail-on-critical: true\n  disable:\n"
                + "    - sch_010\n    - PERFORMANCE\n  workers: 3\n",
            Map.of(),
            Map.of("shard", new Setting("2/4", "--shard")));
    var mutation = config.gates().mutation();
    assertThat(mutation.threshold()).isEqualTo(72.5);
    assertThat(mutation.failOnCritical()).isTrue();
    assertThat(mutation.disabled()).containsExactlyInAnyOrder("SCH_010", "PERFORMANCE");
    assertThat(mutation.workers()).isEqualTo(3);
    assertThat(mutation.shardIndex()).isEqualTo(2);
    assertThat(mutation.shardCount()).isEqualTo(4);
    assertThat(
            resolve(null, Map.of("MIGTEST_MUTATION_THRESHOLD", "90"), Map.of())
                .gates()
                .mutation()
                .threshold())
        .isEqualTo(90);
  }

  @Test
  void theMutationStateFileStaysInsideTheProjectAndCanBeTurnedOff() throws IOException {
    assertUsageError(
        "mutation:\n  state-file: ../elsewhere/state.json\n",
        "migtest.yml line 2",
        "mutation.state-file",
        "outside the project");
    Map<String, String> home = Map.of("HOME", project.resolve("home").toString());
    Files.createDirectories(project.resolve(".git"));
    Files.createSymbolicLink(project.resolve("git-link"), project.resolve(".git"));
    for (String intoGit :
        List.of(
            "mutation:\n  state-file: .git/config\n",
            "mutation:\n  state-file: git-link/index\n",
            "report-dir: .git/hooks\n",
            "performance:\n  baseline: ./.git/HEAD\n")) {
      assertThatThrownBy(() -> resolve(intoGit, home, Map.of()))
          .as(intoGit)
          .isInstanceOf(MigtestException.class)
          .hasMessageContaining("inside the repository's .git folder");
    }
    assertThat(resolve(null, home, Map.of()).gates().mutation().stateFile().file())
        .isEqualTo(project.resolve(".migtest/state.json"));
    assertThat(resolve("mutation:\n  state-file: off\n", home, Map.of()).gates().mutation())
        .extracting(MutationSettings::stateFile)
        .isNull();
  }

  @Test
  void dataSeedFilesComeFromFilesAndFoldersInsideTheProject() throws IOException {
    Files.createDirectories(project.resolve("db/seed"));
    Files.writeString(project.resolve("db/seed/2_orders.sql"), "SELECT 1;");
    Files.writeString(project.resolve("db/seed/1_customers.sql"), "SELECT 1;");
    Files.writeString(project.resolve("db/seed/notes.txt"), "not SQL");
    Files.writeString(project.resolve("extra.sql"), "SELECT 1;");

    DataSettings defaults = resolve(null, Map.of(), Map.of()).gates().data();
    assertThat(defaults.rowsPerTable()).isEqualTo(100);
    assertThat(defaults.seedFiles())
        .as("db/seed by default, its SQL files in name order")
        .containsExactly("db/seed/1_customers.sql", "db/seed/2_orders.sql");

    DataSettings listed =
        resolve("data:\n  rows: 250\n  seed:\n    - extra.sql\n    - db/seed\n", Map.of(), Map.of())
            .gates()
            .data();
    assertThat(listed.rowsPerTable()).isEqualTo(250);
    assertThat(listed.seedFiles())
        .containsExactly("extra.sql", "db/seed/1_customers.sql", "db/seed/2_orders.sql");

    assertUsageError("data:\n  rows: 0\n", "data.rows", "from 1 to 100000");
    assertUsageError("data:\n  seed: db/missing.sql\n", "seed file or folder db/missing.sql");
    assertUsageError("data:\n  seed: ../outside.sql\n", "'data.seed' is ../outside.sql");
  }

  @Test
  void aSeedFolderWhoseFileLinksOutOfTheProjectIsRefused() throws IOException {
    Path outside = Files.createTempFile("migtest-secret", ".sql");
    Files.createDirectories(project.resolve("db/seed"));
    Files.createSymbolicLink(project.resolve("db/seed/1_secret.sql"), outside);
    try {
      assertUsageError(null, "db/seed/1_secret.sql", "outside the project");
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void aSchemaFileThatLinksOutOfTheProjectIsRefused() throws IOException {
    Path outside = Files.createTempFile("migtest-secret", ".sql");
    Files.createDirectories(project.resolve("db"));
    Files.createSymbolicLink(project.resolve("db/schema.sql"), outside);
    try {
      assertUsageError(
          "schema-file: db/schema.sql\n",
          "'schema-file' is db/schema.sql, which leads through a symbolic link",
          "outside the project");
      assertUsageError(
          "schema-file: db/missing.sql\n", "schema file db/missing.sql does not exist");
    } finally {
      Files.delete(outside);
    }
  }

  @Test
  void selectedAndOffGatesDoNotRun() throws IOException {
    Config config =
        resolve(
            "gates:\n  lint: off\n",
            Map.of(),
            Map.of("gates", new Setting("lint,apply", "--gates")));
    assertThat(config.gates().runs(GateId.APPLY)).isTrue();
    assertThat(config.gates().runs(GateId.LINT)).isFalse();
    assertThat(config.gates().runs(GateId.DATA)).isFalse();
    assertThat(config.gates().selected()).isEqualTo(List.of(GateId.LINT, GateId.APPLY));
  }

  @Test
  void textShowingTheConfigurationNeverShowsThePassword() throws IOException {
    Config config =
        resolve(
            null, Map.of("DATABASE_URL", "postgres://app:hunter2@db/app?password=x2"), Map.of());
    assertThat(config.toString())
        .doesNotContain("hunter2")
        .doesNotContain("x2")
        .contains("app:***@db");
    assertThat(new Setting("postgres://u:pw9@h/d", "--database-url").toString())
        .doesNotContain("pw9");
  }
}

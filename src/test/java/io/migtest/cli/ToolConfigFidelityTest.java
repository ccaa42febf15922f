package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.TestGit;
import io.migtest.db.SharedServer;
import io.migtest.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures under {@code fidelity/} whose migrations run only as their tool's own configuration
 * says: each is applied on the real PostgreSQL, and its tests check what the configuration changed.
 */
class ToolConfigFidelityTest {
  @TempDir Path project;

  private void copy(String fixture) throws IOException {
    Path from = Path.of("src/test/resources/fidelity", fixture);
    try (var files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path to = project.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(to);
        } else {
          Files.copy(file, to);
        }
      }
    }
  }

  private CliRun check(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "check",
                project.toString(),
                "--database-url",
                SharedServer.url(),
                "--report-dir",
                project.resolve("migtest-report").toString()));
    args.addAll(List.of(extra));
    if (!args.contains("--gates")) {
      // The CLI and the gates up to apply are tested here; the later gates by tests of their own.
      args.addAll(List.of("--gates", "lint,apply"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  private List<JsonNode> findings() throws IOException {
    JsonNode report =
        JsonReport.mapper().readTree(project.resolve("migtest-report/report.json").toFile());
    return report.get("gates").findValues("findings").stream()
        .flatMap(f -> java.util.stream.StreamSupport.stream(f.spliterator(), false))
        .toList();
  }

  private void git(String... args) throws IOException {
    TestGit.run(project, project, args);
  }

  @Test
  void flywayConfNamesTheFolderThePlaceholdersTheDefaultSchemaAndTheHistoryTable()
      throws IOException {
    copy("flyway-conf");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("(flyway) in database/flyway").contains("1 test: 1 passed");
  }

  @Test
  void flywayConfOutOfOrderMakesAnOlderNewMigrationANote() throws IOException {
    copy("flyway-conf");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    Files.writeString(
        project.resolve("database/flyway/V2__notes.sql"), "CREATE TABLE notes (id int);");
    CliRun run = check("--base", "main");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(findings())
        .anySatisfy(
            f -> {
              assertThat(f.get("rule").asText()).isEqualTo("out-of-order");
              assertThat(f.get("severity").asText()).isEqualTo("info");
              assertThat(f.get("message").asText()).contains("(outOfOrder=true)");
            });
  }

  @Test
  void flywayTomlTakesTheDefaultEnvironmentsSchemasInitSqlAndPlaceholders() throws IOException {
    copy("flyway-toml");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("(flyway) in sql/changes").contains("1 test: 1 passed");
  }

  @Test
  void dbmateEnvNamesTheFolderAndTheHistoryTable() throws IOException {
    copy("dbmate-env");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("2 migrations (dbmate) in database/schema");
  }

  @Test
  void dbmateCreatesTheFirstSchemaOfTheUrlsSearchPathForItsTableAndMigratesIntoIt()
      throws IOException {
    copy("dbmate-search-path");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("2 migrations applied");
  }

  @Test
  void theDbmateSectionOfMigtestYmlWinsOverDotEnv() throws IOException {
    copy("dbmate-migtest-yml");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("2 migrations (dbmate) in database/schema");
    CliRun doctor = CliRun.of("doctor", project.toString());
    assertThat(doctor.exitCode()).as(doctor.all()).isZero();
    assertThat(doctor.out())
        .contains("tool config: .env (4 settings taken")
        .contains("dbmate.migrations-dir=database/schema (migtest.yml line 4)")
        .contains("dbmate.migrations-table=applied_migrations (migtest.yml line 5)")
        .contains("dbmate.strict=true (migtest.yml line 6)")
        .contains("dbmate.search-path=app, public (migtest.yml line 7)");
  }

  @Test
  void dbmateStrictInMigtestYmlMakesAnOlderNewMigrationAnError() throws IOException {
    copy("dbmate-migtest-yml");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    Files.writeString(
        project.resolve("database/schema/20230101000000_notes.sql"),
        "-- migrate:up\nCREATE TABLE notes (id int);\n-- migrate:down\nDROP TABLE notes;\n");
    CliRun run = check("--base", "main");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(findings())
        .anySatisfy(
            f -> {
              assertThat(f.get("rule").asText()).isEqualTo("out-of-order");
              assertThat(f.get("severity").asText()).isEqualTo("error");
            });
  }

  @Test
  void dieselTomlNamesTheFolder() throws IOException {
    copy("diesel-toml");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("1 migration (directory) in schema/migrations");
  }

  @Test
  void sqitchConfNamesTheTopFolderThePlanAndTheTargetsDeployFolder() throws IOException {
    copy("sqitch-conf");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("1 migration (sqitch) in database");
  }

  @Test
  void sqitchConfVariablesAndRegistryReachPsqlAndDeployVerifyVerifiesEachChangeAsItDeploys()
      throws IOException {
    copy("sqitch-conf-variables");
    // Its revert adds the dropped column back empty, which the data gate rightly reports.
    CliRun run = check("--gates", "lint,apply,rollback");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).contains("2 migrations applied on an empty database");
    CliRun doctor = CliRun.of("doctor", project.toString());
    assertThat(doctor.out())
        .contains("core.registry=meta (sqitch.conf line 3)")
        .contains("deploy.verify=true (sqitch.conf line 5)")
        .contains("deploy.variables.schema=app (sqitch.conf line 7)")
        .contains("engine.pg.variables.owner=app_admin (sqitch.conf line 11)");
  }

  @Test
  void withoutDeployVerifyTheVerifyScriptsRunOnceThePlanIsDeployedAsSqitchVerifyDoes()
      throws IOException {
    copy("sqitch-conf-variables");
    Path conf = project.resolve("sqitch.conf");
    Files.writeString(conf, Files.readString(conf).replace("[deploy]\n\tverify = true\n", ""));
    CliRun run = check();
    // The first change's verify script checks a column the second change drops.
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("2 tests: 1 passed, 1 failed");
    assertThat(findings())
        .anySatisfy(
            f -> {
              assertThat(f.get("rule").asText()).isEqualTo("verify-failed");
              assertThat(f.get("file").asText()).isEqualTo("verify/widgets.sql");
              assertThat(f.get("line").asInt()).isEqualTo(6);
              assertThat(f.get("message").asText())
                  .contains("where `sqitch verify` runs it")
                  .contains("column \"note\" does not exist");
            });
  }

  @Test
  void golangMigrateMultiStatementRunsEachPieceOnItsOwn() throws IOException {
    copy("golang-multi-statement");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("1 test: 1 passed");
    // Without it the file is one query, and CREATE INDEX CONCURRENTLY refuses to run in it.
    Files.delete(project.resolve("migtest.yml"));
    CliRun without = check();
    assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
    assertThat(without.out()).contains("25001");
  }

  @Test
  void aPlaceholderWithoutAValueFailsAtItsLineAsInFlyway() throws IOException {
    copy("flyway-conf");
    Files.writeString(
        project.resolve("database/flyway/V4__audit.sql"),
        "CREATE TABLE audit (id int);\nGRANT SELECT ON audit TO ${auditor};\n");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("database/flyway/V4__audit.sql:2 [unknown-placeholder]")
        .contains("No value provided for placeholder: ${auditor}");
  }

  @Test
  void aBrokenSettingIsAFindingAtItsLineNotACrash() throws IOException {
    copy("flyway-conf");
    Files.writeString(
        project.resolve("flyway.conf"),
        Files.readString(project.resolve("flyway.conf")) + "flyway.mixed=sometimes\n");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("flyway.conf:8 [tool-config] Invalid value for flyway.mixed");
  }

  @Test
  void theBaseIsReadWithTheBasesConfigurationAndAChangedPlaceholderEditsNoMigration()
      throws IOException {
    copy("flyway-conf");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    Path conf = project.resolve("flyway.conf");
    Files.writeString(
        conf, Files.readString(conf).replace("owner_role=app_owner", "owner_role=app_admin"));
    Files.writeString(
        project.resolve("database/flyway/V4__grant.sql"),
        "GRANT SELECT ON accounts TO ${owner_role};");
    CliRun run = check("--base", "main");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).doesNotContain("edited-migration");
    assertThat(run.out()).contains("1 migration applied on top of main");
  }
}

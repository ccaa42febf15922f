package io.migtest.migration;

import static io.migtest.migration.Files.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading flyway.conf and flyway.toml as Flyway's command line reads them. */
class FlywaySettingsTest {
  @TempDir Path project;

  private FlywaySettings read() {
    return FlywaySettings.read(new WorkingTreeFiles(project), ToolOptions.NONE);
  }

  private FlywaySettings read(ToolOptions options) {
    return FlywaySettings.read(new WorkingTreeFiles(project), options);
  }

  @Test
  void confKeysWithTheirLinesLaterFilesWinning() {
    write(project, "sql/V1__a.sql", "SELECT 1;");
    write(project, "conf/flyway.conf", "flyway.table=from_conf_folder\nflyway.mixed=true\n");
    write(
        project,
        "flyway.conf",
        "# comment\nflyway.locations=filesystem:sql\nflyway.table = history\n"
            + "flyway.placeholders.Owner=app_owner\nflyway.url=jdbc:postgresql://h/db\n");
    FlywaySettings settings = read();
    assertThat(settings.locations()).containsExactly("sql");
    assertThat(settings.table()).isEqualTo("history");
    assertThat(settings.mixed()).isTrue();
    assertThat(settings.placeholders().values()).containsEntry("owner", "app_owner");
    assertThat(settings.config().files()).containsExactly("conf/flyway.conf", "flyway.conf");
    assertThat(settings.config().taken())
        .extracting(ToolSetting::describe)
        .contains("flyway.table=history (flyway.conf line 3)")
        .noneMatch(d -> d.contains("flyway.url"));
    assertThat(settings.config().problems()).isEmpty();
  }

  @Test
  void aBackslashIsLiteralUnlessAValueGoesOnOnTheNextLine() {
    write(
        project,
        "flyway.conf",
        "flyway.initSql=SET search_path \\\n  TO app\nflyway.placeholders.path=C:\\temp\n");
    FlywaySettings settings = read();
    assertThat(settings.initSql()).isEqualTo("SET search_path TO app");
    assertThat(settings.placeholders().values()).containsEntry("path", "C:\\temp");
  }

  @Test
  void anEnvironmentVariableReadsAsEmptyWithAWarning() {
    write(project, "flyway.conf", "flyway.placeholders.owner=${APP_OWNER}x\n");
    FlywaySettings settings = read();
    assertThat(settings.placeholders().values()).containsEntry("owner", "x");
    assertThat(settings.config().problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.WARNING);
              assertThat(f.location()).isEqualTo("flyway.conf:1");
              assertThat(f.message()).contains("APP_OWNER");
            });
  }

  @Test
  void anInvalidBooleanIsAFindingAtItsLineAndTheDefaultStays() {
    write(project, "flyway.conf", "flyway.table=t\nflyway.outOfOrder=yes\n");
    FlywaySettings settings = read();
    assertThat(settings.outOfOrder()).isFalse();
    assertThat(settings.config().problems())
        .extracting(Finding::rule, Finding::location, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tool-config", "flyway.conf:2", Severity.ERROR));
  }

  @Test
  void tomlTakesTheFlywayTableThenTheChosenEnvironment() {
    write(project, "db/changes/V1__a.sql", "SELECT 1;");
    write(project, "flyway.conf", "flyway.table=ignored_when_toml_exists\n");
    write(
        project,
        "flyway.toml",
        """
        [flyway]
        environment = "ci"
        locations = ["filesystem:db/changes"]
        table = "history"

        [flyway.placeholders]
        a = "1"

        [environments.default]
        schemas = ["ignored"]

        [environments.ci]
        url = "jdbc:postgresql://h/db"
        password = "hunter2"
        schemas = ["app", "audit"]
        initSql = "SET ROLE app"

        [environments.ci.flyway]
        outOfOrder = true

        [environments.ci.flyway.placeholders]
        b = "2"
        """);
    FlywaySettings settings = read();
    assertThat(settings.locations()).containsExactly("db/changes");
    assertThat(settings.table()).isEqualTo("history");
    assertThat(settings.outOfOrder()).isTrue();
    assertThat(settings.defaultSchema()).isEqualTo("app");
    assertThat(settings.schemas()).containsExactly("app", "audit");
    assertThat(settings.initSql()).isEqualTo("SET ROLE app");
    // The environment's placeholders replace the [flyway] ones.
    assertThat(settings.placeholders().values()).containsEntry("b", "2").doesNotContainKey("a");
    assertThat(settings.placeholders().values()).containsEntry("flyway:environment", "ci");
    assertThat(settings.config().files()).containsExactly("flyway.toml");
    assertThat(settings.config().taken())
        .extracting(ToolSetting::describe)
        .contains(
            "environments.ci.schemas=app,audit (flyway.toml line 15)",
            "environments.ci.flyway.outOfOrder=true (flyway.toml line 19)")
        .noneMatch(d -> d.contains("hunter2"));
  }

  @Test
  void aMissingEnvironmentAndBrokenTomlAreFindingsAtTheirLines() {
    write(project, "flyway.toml", "[flyway]\nenvironment = \"prod\"\n");
    assertThat(read().config().problems())
        .extracting(Finding::location)
        .containsExactly("flyway.toml:2");
    write(project, "flyway.toml", "[flyway]\nlocations = [\"filesystem:sql\"\n");
    FlywaySettings broken = read();
    assertThat(broken.config().problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("tool-config");
              assertThat(f.file()).isEqualTo("flyway.toml");
              assertThat(f.line()).isGreaterThan(0);
            });
    assertThat(broken.locations()).isEmpty();
  }

  @Test
  void locationsOutsideTheProjectOrInTheCloudAreWarningsAndClasspathIsSrcMainResources() {
    write(project, "src/main/resources/db/migration/V1__a.sql", "SELECT 1;");
    write(
        project,
        "flyway.conf",
        "flyway.locations=classpath:db/migration,filesystem:/flyway/sql,s3:bucket/x,"
            + "filesystem:../other,filesystem:sql/*\n");
    FlywaySettings settings = read();
    assertThat(settings.locations()).containsExactly("src/main/resources/db/migration");
    assertThat(settings.config().problems())
        .hasSize(4)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void aConfigFileThatLinksOutOfTheProjectIsNotRead() throws IOException {
    java.nio.file.Files.createSymbolicLink(project.resolve("flyway.conf"), Path.of("/etc/passwd"));
    FlywaySettings settings = read();
    assertThat(settings.config().problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location()).isEqualTo("flyway.conf");
              assertThat(f.message()).contains("symbolic link").doesNotContain("root:");
            });
  }

  @Test
  void migtestYmlPlaceholdersWin() {
    write(project, "flyway.conf", "flyway.placeholders.owner=from_conf\n");
    ToolOptions options =
        new ToolOptions(
            Map.of(
                "placeholders.owner",
                new ToolSetting("flyway.placeholders.owner", "from_yml", "migtest.yml line 2")),
            GolangMigrateSettings.DEFAULTS,
            Map.of(),
            "postgres",
            "postgres",
            "",
            "");
    assertThat(read(options).placeholders().values()).containsEntry("owner", "from_yml");
  }

  @Test
  void defaultsNeedNoFile() {
    FlywaySettings settings = read();
    assertThat(settings.config().files()).isEmpty();
    assertThat(settings.names()).isEqualTo(FlywayNames.DEFAULTS);
    assertThat(settings.table()).isEqualTo("flyway_schema_history");
    assertThat(settings.sessionSql(null)).isEmpty();
    assertThat(List.of(settings.mixed(), settings.outOfOrder())).containsOnly(false);
  }

  @Test
  void namingAndMixingAreErrorsWhenTheConfigurationMakesFlywayRefuseThem() {
    write(project, "sql/V1__ok.sql", "CREATE TABLE a (id int);");
    write(project, "sql/V1_1_no_separator.sql", "SELECT 1;");
    write(
        project,
        "sql/V2__mixed.sql",
        "CREATE TABLE b (id int);\nCREATE INDEX CONCURRENTLY b_id ON b (id);\n");
    write(
        project,
        "flyway.conf",
        "flyway.locations=filesystem:sql\nflyway.validateMigrationNaming=true\n");
    WorkingTreeFiles files = new WorkingTreeFiles(project);
    ConfiguredLayouts layouts = ConfiguredLayouts.read(files, ToolOptions.NONE);
    ConfiguredLayouts.Located located = layouts.configured(files).orElseThrow();
    MigrationHistory history = MigrationHistory.load(located.layout(), located.folder());
    assertThat(history.problems())
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unrecognised-file", Severity.ERROR));
    assertThat(history.migrations().get(1).up().problems())
        .extracting(Finding::rule, Finding::location, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "mixed-transaction", "sql/V2__mixed.sql:2", Severity.ERROR));
  }
}

package io.migtest.migration;

import static io.migtest.migration.Files.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbmate's .env, diesel.toml and sqitch.conf, as their tools read them. */
class ToolConfigFilesTest {
  @TempDir Path project;

  private WorkingTreeFiles files() {
    return new WorkingTreeFiles(project);
  }

  @Test
  void dbmateEnvWithQuotesExportAndComments() {
    write(project, "db/schema/001_a.sql", "-- migrate:up\n");
    write(
        project,
        ".env",
        "# local\nDATABASE_URL=postgres://u:secret@h/db\nDBMATE_MIGRATIONS_DIR='./db/schema'\n"
            + "export DBMATE_MIGRATIONS_TABLE=meta.done # comment\n");
    DbmateSettings settings = DbmateSettings.read(files(), Map.of());
    assertThat(settings.folders()).containsExactly("db/schema");
    assertThat(settings.table()).isEqualTo("meta.done");
    assertThat(settings.config().taken())
        .extracting(ToolSetting::source)
        .containsExactly(".env line 3", ".env line 4");
    assertThat(HistoryTable.dbmate(settings.table(), settings.searchPath()).create())
        .startsWith("DO $migtest$ BEGIN CREATE TABLE IF NOT EXISTS \"meta\".\"done\"")
        .contains("WHEN invalid_schema_name THEN CREATE SCHEMA IF NOT EXISTS \"meta\";");
    assertThat(new DbmateLayout(settings).outOfOrder()).isEqualTo(OutOfOrder.APPLIED);
  }

  @Test
  void dbmateTakesOnlyTheSearchPathOfTheDatabaseUrl() {
    write(project, "db/migrations/001_a.sql", "-- migrate:up\n");
    write(
        project,
        ".env",
        "DATABASE_URL=\"postgres://u:secret@h/db?sslmode=disable&search_path=app%2C+public\"\n");
    DbmateSettings settings = DbmateSettings.read(files(), Map.of());
    assertThat(settings.searchPath().value()).isEqualTo("app, public");
    assertThat(settings.config().taken())
        .extracting(ToolSetting::describe)
        .containsExactly("DATABASE_URL search_path=app, public (.env line 1)");
    HistoryTable table = HistoryTable.dbmate(settings.table(), settings.searchPath());
    assertThat(table.name()).isEqualTo("app.schema_migrations");
    assertThat(table.record()).startsWith("INSERT INTO \"app\".\"schema_migrations\"");
    assertThat(new DbmateLayout(settings).sessionSql("SET work_mem = '8MB'"))
        .isEqualTo(
            "SELECT set_config('search_path', 'app, public', false)\n;\nSET work_mem = '8MB'");
    // The schema of DBMATE_MIGRATIONS_TABLE wins over the search path's, as in dbmate.
    assertThat(HistoryTable.dbmate("meta.done", settings.searchPath()).name())
        .isEqualTo("meta.done");
  }

  @Test
  void aSearchPathPostgresqlRefusesIsAFindingAndNotUsed() {
    write(project, "db/migrations/001_a.sql", "-- migrate:up\n");
    write(project, ".env", "# dev\nDATABASE_URL=postgres://h/db?search_path=%22app\n");
    DbmateSettings settings = DbmateSettings.read(files(), Map.of());
    assertThat(settings.searchPath()).isNull();
    assertThat(settings.config().problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.ERROR);
              assertThat(f.file()).isEqualTo(".env");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("DATABASE_URL search_path is '\"app'");
            });
  }

  @Test
  void dbmateSettingsFromMigtestYmlWinOverDotEnv() {
    write(project, "db/schema/001_a.sql", "-- migrate:up\n");
    write(project, ".env", "DBMATE_MIGRATIONS_DIR=./elsewhere\nDBMATE_STRICT=maybe\n");
    DbmateSettings fromFile = DbmateSettings.read(files(), Map.of());
    assertThat(fromFile.strict()).isFalse();
    assertThat(fromFile.config().problems())
        .extracting(Finding::severity, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 1),
            org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 2));
    DbmateSettings settings =
        DbmateSettings.read(
            files(),
            Map.of(
                DbmateSettings.MIGRATIONS_DIR,
                new ToolSetting("dbmate.migrations-dir", "db/schema", "migtest.yml line 2"),
                DbmateSettings.STRICT,
                new ToolSetting("dbmate.strict", "true", "migtest.yml line 3")));
    assertThat(settings.folders()).containsExactly("db/schema");
    assertThat(settings.strict()).isTrue();
    assertThat(settings.config().problems()).isEmpty();
    assertThat(settings.config().files()).containsExactly(".env");
  }

  @Test
  void dbmateStrictInEnvMakesAnOlderNewMigrationRefused() {
    write(project, "db/migrations/001_a.sql", "-- migrate:up\n");
    write(project, ".env", "DBMATE_STRICT=true\n");
    DbmateSettings settings = DbmateSettings.read(files(), Map.of());
    assertThat(settings.strict()).isTrue();
    assertThat(new DbmateLayout(settings).outOfOrder()).isEqualTo(OutOfOrder.REFUSED);
  }

  @Test
  void dbmateReadsTheFirstOfSeveralFoldersWithAWarning() {
    write(project, "a/001_a.sql", "-- migrate:up\n");
    write(project, "b/002_b.sql", "-- migrate:up\n");
    write(project, ".env", "DBMATE_MIGRATIONS_DIR=a,b,/elsewhere\n");
    DbmateSettings settings = DbmateSettings.read(files(), Map.of());
    assertThat(settings.folders()).containsExactly("a");
    assertThat(settings.config().problems())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void sqitchVariablesMergeAsEachCommandMergesThemAndTheRegistryComesLast() {
    write(project, "sqitch.plan", "%project=a\n");
    write(
        project,
        "sqitch.conf",
        "[core]\n\ttarget = prod\n[core \"variables\"]\n\tschema = core\n\tlevel = core\n"
            + "[deploy \"variables\"]\n\tschema = deploy\n[verify \"variables\"]\n\tLevel = verify\n"
            + "[target \"prod.variables\"]\n\tschema = prod\n[engine \"pg\"]\n\tregistry = meta\n"
            + "[deploy]\n\tverify\n");
    SqitchSettings settings = SqitchSettings.read(files());
    assertThat(settings.variables().of("deploy"))
        .containsExactly(Map.entry("schema", "prod"), Map.entry("level", "core"));
    assertThat(settings.variables().of("verify"))
        .containsEntry("schema", "prod")
        .containsEntry("level", "verify");
    assertThat(settings.registry()).isEqualTo("meta");
    assertThat(settings.verifyEachDeploy()).as("a key without a value is true").isTrue();
    write(project, "sqitch.conf", "[deploy]\n\tverify = sometimes\n");
    SqitchSettings broken = SqitchSettings.read(files());
    assertThat(broken.verifyEachDeploy()).isFalse();
    assertThat(broken.config().problems())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("deploy.verify is 'sometimes'"));
  }

  @Test
  void dieselTomlDirAndABrokenFile() {
    write(project, "migs/2024-01-01-000000_a/up.sql", "SELECT 1;");
    write(
        project,
        "diesel.toml",
        "[print_schema]\nfile = \"src/schema.rs\"\n\n[migrations_directory]\ndir = \"migs\"\n");
    DieselSettings settings = DieselSettings.read(files());
    assertThat(settings.folder()).isEqualTo("migs");
    assertThat(settings.config().taken())
        .extracting(ToolSetting::describe)
        .containsExactly("migrations_directory.dir=migs (diesel.toml line 5)");
    write(project, "diesel.toml", "[migrations_directory\ndir = \"migs\"\n");
    assertThat(DieselSettings.read(files()).config().problems())
        .extracting(Finding::rule, Finding::severity)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("tool-config", Severity.ERROR));
  }

  @Test
  void sqitchLooksInTheTargetThenTheEngineThenCore() {
    write(
        project,
        "sqitch.conf",
        "[core]\n\tengine = pg\n\ttop_dir = db\n\tdeploy_dir = db/core-deploy\n"
            + "[engine \"pg\"]\n\ttarget = prod\n\trevert_dir = db/engine-revert ; comment\n"
            + "[target \"prod\"]\n\tdeploy_dir = \"db/target deploy\"\n\textension = psql\n");
    SqitchSettings settings = SqitchSettings.read(files());
    assertThat(settings.topDir()).isEqualTo("db");
    assertThat(settings.plan()).isEqualTo("sqitch.plan");
    assertThat(settings.deploy()).isEqualTo("target deploy");
    assertThat(settings.revert()).isEqualTo("engine-revert");
    assertThat(settings.verify()).isEqualTo("verify");
    assertThat(settings.extension()).isEqualTo("psql");
  }

  @Test
  void sqitchPathsOutsideTopDirAreWarnings() {
    write(project, "sqitch.conf", "[core]\n\ttop_dir = db\n\tplan_file = plans/x.plan\n");
    SqitchSettings settings = SqitchSettings.read(files());
    assertThat(settings.plan()).isEqualTo("sqitch.plan");
    assertThat(settings.config().problems())
        .extracting(Finding::location)
        .containsExactly("sqitch.conf:3");
  }
}

package io.migtest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.db.SharedServer;
import io.migtest.finding.Finding;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.SqlTests;
import io.migtest.oracle.TestCommand;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply gate on a real PostgreSQL, run the way each layout's tool runs its files. */
class ApplyGateTest {
  @TempDir Path project;

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private GateResult apply() {
    return apply(List.of());
  }

  private GateResult apply(Oracle tests) {
    return apply(List.of(tests));
  }

  private GateResult apply(List<Oracle> tests) {
    try (GateContext context = context(Map.of(), tests)) {
      return new ApplyGate().run(context);
    }
  }

  /** The context of a run of the project with {@code flags} and {@code tests}. */
  private GateContext context(Map<String, Setting> flags, List<Oracle> tests) {
    Config config = ConfigResolver.resolve(project, null, Map.of(), flags);
    return GateContext.of(
        config.gates(),
        ProjectLoader.load(config),
        DatabaseAccess.of(SharedServer.get(), config.timeouts()),
        List.of(),
        tests,
        null,
        Progress.SILENT);
  }

  @Test
  void theTestCommandRunsOnTheMigratedDatabaseAndItsFailureFailsTheGate() throws IOException {
    assumeTrue(java.nio.file.Files.isExecutable(Path.of("/usr/bin/psql")), "psql is not installed");
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);\nINSERT INTO t VALUES (7);");
    TestCommand passing =
        new TestCommand(
            "psql -v ON_ERROR_STOP=1 -tAc 'SELECT id FROM t' | grep -qx 7",
            project,
            System.getenv(),
            Duration.ofMinutes(1));
    GateResult ok = apply(passing);
    assertThat(ok.status()).as(ok.findings().toString()).isEqualTo(GateStatus.PASS);

    TestCommand failing =
        new TestCommand(
            "echo checking orders; psql -tAc 'SELECT count(*) FROM orders'",
            project,
            System.getenv(),
            Duration.ofMinutes(1));
    GateResult failed = apply(failing);
    assertThat(failed.status()).isEqualTo(GateStatus.FAIL);
    assertThat(failed.summary()).contains("1 test: 0 passed, 1 failed");
    assertThat(failed.findings().get(0).rule()).isEqualTo("test-command-failed");
    assertThat(failed.findings().get(0).message())
        .contains("exited with")
        .contains("checking orders")
        .contains("relation \"orders\" does not exist");
  }

  @Test
  void flywayHistoryWithAConcurrentIndexInItsOwnMigrationPasses() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int PRIMARY KEY, email text);");
    write("db/migrations/V2__idx.sql", "CREATE INDEX CONCURRENTLY t_email ON t (email);");
    write(
        "db/migrations/V3__fn.sql",
        "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 1; END; $body$;\n"
            + "CREATE FUNCTION g(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a; END;");
    GateResult result = apply();
    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
    assertThat(result.summary()).contains("3 migrations applied on an empty database");
  }

  @Test
  void golangMigrateRefusesAConcurrentIndexInAMultiStatementFileAsTheToolWould()
      throws IOException {
    write("migrations/1_t.up.sql", "CREATE TABLE t (id int);");
    write("migrations/2_idx.up.sql", "CREATE INDEX CONCURRENTLY i ON t (id);\nSELECT 1;");
    GateResult result = apply();
    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    Finding failure = result.findings().get(0);
    assertThat(failure.sqlstate()).isEqualTo("25001");
    assertThat(failure.file()).isEqualTo("migrations/2_idx.up.sql");
    assertThat(failure.line()).isEqualTo(1);
  }

  @Test
  void sqitchScriptsKeepTheirOwnTransactions() throws IOException {
    write(
        "sqitch.plan",
        "%project=x\nusers 2024-01-01T00:00:00Z A <a@x>\nidx 2024-01-02T00:00:00Z A <a@x>\n");
    write("deploy/users.sql", "BEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n");
    write("deploy/idx.sql", "CREATE INDEX CONCURRENTLY users_id ON users (id);\n");
    GateResult result = apply();
    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void aFailureNamesFileLineSqlstateAndHintAndStopsThere() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    write(
        "db/migrations/V2__bad.sql",
        "INSERT INTO t VALUES (1);\n\nALTER TABLE t\n  ADD CONSTRAINT fk FOREIGN KEY (id) REFERENCES nowhere (id);");
    write("db/migrations/V3__never.sql", "SELECT 1;");
    GateResult result = apply();
    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    Finding failure = result.findings().get(0);
    assertThat(failure.location()).isEqualTo("db/migrations/V2__bad.sql:3");
    assertThat(failure.sqlstate()).isEqualTo("42P01");
    assertThat(failure.message()).contains("nowhere");
    assertThat(result.summary()).contains("after 1 of 3 migrations");
  }

  @Test
  void unselectedItStillFailsAHistoryThatDoesNotApplyWhenGatesThatRunItAreSelected()
      throws IOException {
    write("db/migrations/1_a.up.sql", "CREATE TABLE a (id int);");
    write("db/migrations/1_a.down.sql", "DROP TABLE a;");
    write("db/migrations/2_b.up.sql", "ALTER TABLE nope ADD COLUMN x int;");
    write("db/migrations/2_b.down.sql", "SELECT 1;");

    assertThat(applyWhenOnly("rollback,data").status()).isEqualTo(GateStatus.FAIL);
    GateResult apply = applyWhenOnly("rollback");
    assertThat(apply.summary())
        .startsWith("not selected")
        .contains("the gates that run the migrations need them to apply")
        .contains("2_b.up.sql:1");
    assertThat(apply.findings())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo("migration-failed"));
    assertThat(applyWhenOnly("lint").status())
        .as("lint runs no migration")
        .isEqualTo(GateStatus.SKIP);

    write("db/migrations/2_b.up.sql", "ALTER TABLE a ADD COLUMN x int;");
    assertThat(applyWhenOnly("rollback").status()).isEqualTo(GateStatus.SKIP);
  }

  /** The apply gate's result in a run of {@code gates} only. */
  private GateResult applyWhenOnly(String gates) {
    try (GateContext context =
        context(Map.of(ConfigKeys.GATES, new Setting(gates, "test")), List.of())) {
      return new ApplyGate().unselected(context);
    }
  }

  @Test
  void duplicateVersionsAreNotApplied() throws IOException {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    write("db/migrations/V1__b.sql", "CREATE TABLE b (id int);");
    GateResult result = apply();
    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.summary()).contains("duplicate versions");
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("duplicate-version");
  }

  @Test
  void migrationsThatUseTheToolsHistoryTableWorkAsWithTheTool() throws IOException {
    write("migrations/1_t.up.sql", "CREATE TABLE t (id int);");
    write(
        "migrations/2_check.up.sql",
        "DO $$ BEGIN\n"
            + "  IF (SELECT version FROM schema_migrations) <> 1 THEN RAISE 'wrong version'; END IF;\n"
            + "END $$;");
    GateResult result = apply();
    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void aMigrationThatBreaksTheHistoryTableFailsLikeTheTool() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    write("db/migrations/V2__oops.sql", "DROP TABLE flyway_schema_history;");
    GateResult result = apply();
    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.findings().get(0).rule()).isEqualTo("history-table-failed");
    assertThat(result.findings().get(0).file()).isEqualTo("db/migrations/V2__oops.sql");
  }

  @Test
  void withDeployVerifySqitchVerifyScriptsRunAfterEachDeployAndTheirFailureFailsTheGate()
      throws IOException {
    write("sqitch.conf", "[deploy]\n\tverify = true\n");
    write("sqitch.plan", "%project=app\n\nusers 2024-01-01T00:00:00Z a <a@b> # users\n");
    write("deploy/users.sql", "BEGIN;\nCREATE TABLE users (id int);\nCOMMIT;\n");
    write("verify/users.sql", "SELECT id FROM users WHERE false;\n");
    GateResult ok = apply();
    assertThat(ok.status()).as(ok.findings().toString()).isEqualTo(GateStatus.PASS);
    write("verify/users.sql", "SELECT missing_column FROM users WHERE false;\n");
    GateResult failed = apply();
    assertThat(failed.status()).isEqualTo(GateStatus.FAIL);
    assertThat(failed.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("verify-failed");
              assertThat(f.file()).isEqualTo("verify/users.sql");
              assertThat(f.line()).isEqualTo(1);
            });
  }

  @Test
  void withoutDeployVerifyNoVerifyScriptRunsDuringTheDeploy() throws IOException {
    write("sqitch.plan", "%project=app\n\nusers 2024-01-01T00:00:00Z a <a@b> # users\n");
    write("deploy/users.sql", "CREATE TABLE users (id int);\n");
    write("verify/users.sql", "SELECT missing_column FROM users WHERE false;\n");
    GateResult result = apply();
    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void pgTapFilesSkippedForTheSameReasonAreNotedOnce() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    SqlTests tap =
        new SqlTests(
            List.of(
                SqlScript.of(
                    "t/a.sql", "SELECT plan(1);\nSELECT pass('a');\n", TransactionMode.AUTOCOMMIT),
                SqlScript.of("t/b.sql", "SELECT no_plan();\n", TransactionMode.AUTOCOMMIT)));
    GateResult result = apply(tap);
    assertThat(result.status()).isEqualTo(GateStatus.PASS);
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("test-skipped"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("2 tests skipped (t/a.sql, t/b.sql)"));
    assertThat(result.tests()).hasSize(2);
  }
}

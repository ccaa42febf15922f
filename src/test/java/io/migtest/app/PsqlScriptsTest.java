package io.migtest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migtest.TestGit;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.db.SharedServer;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.gate.GateId;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateRunner;
import io.migtest.gate.GateStatus;
import io.migtest.report.RunReport;
import io.migtest.report.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sqitch, plain and setup scripts that use psql's commands or variables run with a real psql, as
 * their tools run them; failures point at file, line and SQLSTATE like JDBC failures do.
 */
class PsqlScriptsTest {
  @TempDir Path project;
  @TempDir Path home;

  /** Where scripts write what they saw: as root, psql runs as an unprivileged user. */
  @TempDir Path drop;

  private final Map<String, String> env = new HashMap<>();
  private final Map<String, Setting> flags = new HashMap<>();

  @BeforeEach
  void readableProject() throws IOException {
    // As in a CI checkout, the unprivileged account may read the project.
    Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    env.put("PATH", System.getenv("PATH"));
    env.put("HOME", home.toString());
    env.put("DATABASE_URL", SharedServer.url());
    flags.put(
        ConfigKeys.REPORT_DIR, new Setting(project.resolve("out").toString(), "--report-dir"));
    // These tests are about how scripts run: the apply gate says it, the other gates add time.
    flags.put(ConfigKeys.GATES, new Setting("lint,apply", "--gates"));
  }

  private void fixture(String name) throws IOException {
    Path fixture = Path.of("src/test/resources/fidelity", name);
    try (Stream<Path> files = Files.walk(fixture)) {
      for (Path from : files.toList()) {
        Path to = project.resolve(fixture.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else {
          Files.copy(from, to);
        }
      }
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private RunReport check() {
    return new CheckService(GateRunner.standard(), List.of())
        .run(ConfigResolver.resolve(project, null, env, flags), step -> {})
        .report();
  }

  private static GateResult apply(RunReport report) {
    return report.gates().stream().filter(g -> g.id() == GateId.APPLY).findFirst().orElseThrow();
  }

  private static Finding failure(RunReport report) {
    return apply(report).findings().stream()
        .filter(f -> f.severity() == Severity.ERROR)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no failure in " + apply(report)));
  }

  @Test
  void aSqitchDeployWithVariablesAndAnIncludedFileRunsWithPsqlInThePlansFolder()
      throws IOException {
    fixture("sqitch-psql");
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
    assertThat(apply(report).findings())
        .extracting(Finding::rule, Finding::file, Finding::line)
        .contains(
            tuple("psql-script", "db/deploy/schema.sql", 3),
            tuple("psql-script", "db/deploy/users.sql", 6));
  }

  @Test
  void withASqitchConfPsqlRunsBesideItAsSqitchDoes() throws IOException {
    fixture("sqitch-conf-psql");
    RunReport report = check();
    // From the plan's folder, `cat templates/page.txt` finds nothing and the CHECK refuses ''.
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
  }

  @Test
  void aPlainHistoryLoadsACsvOfTheProjectWithCopyAndBranchesWithIf() throws IOException {
    fixture("plain-psql");
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
    assertThat(apply(report).summary()).contains("1 test: 1 passed");
  }

  @Test
  void aProjectTheAccountCannotReadRunsFromACopyOfTheScriptFolder() throws IOException {
    fixture("sqitch-psql");
    Files.setPosixFilePermissions(project, PosixFilePermissions.fromString("rwx------"));
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
  }

  @Test
  void aFailingStatementNamesTheFileTheServersLineAndTheSqlstate() throws IOException {
    fixture("sqitch-psql");
    Files.writeString(
        project.resolve("db/sqitch.plan"),
        "broken 2024-01-03T00:00:00Z A <a@x> # fails\n",
        StandardOpenOption.APPEND);
    write(
        "db/deploy/broken.sql",
        "-- Deploy app:broken\n"
            + "\\set t widgets\n"
            + "CREATE TABLE app.:\"t\" (id int);\n"
            + "INSERT INTO app.:\"t\"\n"
            + "  VALUES (1),\n"
            + "  ('x');\n");
    Finding failure = failure(check());
    assertThat(failure.rule()).isEqualTo("migration-failed");
    assertThat(failure.file()).isEqualTo("db/deploy/broken.sql");
    assertThat(failure.line()).isEqualTo(6);
    assertThat(failure.sqlstate()).isEqualTo("22P02");
    assertThat(failure.message())
        .startsWith("Statement at line 4 failed at line 6: invalid input syntax for type integer");
  }

  @Test
  void aFailureInAnIncludedFileNamesThatFile() throws IOException {
    fixture("sqitch-psql");
    write("db/shared/stamp.sql", "-- Shared\n\nCREATE TABLE app.stamps (id nope);\n");
    Finding failure = failure(check());
    assertThat(failure.file()).isEqualTo("db/shared/stamp.sql");
    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.sqlstate()).isEqualTo("42704");
    assertThat(failure.message()).contains("which db/deploy/users.sql includes");
  }

  @Test
  void warningsOfScriptsThatSucceedAreNotesOnThePsqlAndTheJdbcPathAlike() throws IOException {
    fixture("plain-psql-warnings");
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
    assertThat(apply(report).findings())
        .filteredOn(f -> f.rule().equals("script-warning"))
        .extracting(
            Finding::severity, Finding::file, Finding::line, Finding::message, Finding::sqlstate)
        .containsExactly(
            tuple(
                Severity.INFO,
                "db/migrations/001_accounts.sql",
                4,
                "The server warned: accounts has no owner yet (hint: run 002 before going live)",
                "01000"),
            tuple(
                Severity.INFO,
                "db/migrations/001_accounts.sql",
                0,
                "psql wrote to standard error: accounts created without an owner",
                null),
            tuple(
                Severity.INFO,
                "db/migrations/002_owner.sql",
                3,
                "The server warned: there is no transaction in progress",
                "25P01"));
  }

  @Test
  void warningsAreBoundedInNumberAndLengthAndKeptOnOneLine() throws IOException {
    write(
        "db/migrations/V1__noisy.sql",
        "CREATE TABLE t (id int);\n"
            + "DO $$ BEGIN\n"
            + "  FOR i IN 1..30 LOOP RAISE WARNING 'warning %', i; END LOOP;\n"
            + "  RAISE WARNING E'long\\n%', repeat('x', 2000);\n"
            + "END $$;\n");
    List<Finding> notes =
        apply(check()).findings().stream().filter(f -> f.rule().equals("script-warning")).toList();
    assertThat(notes).hasSize(21);
    assertThat(notes.get(0).line())
        .as("the statement, in the migration's transaction")
        .isEqualTo(2);
    assertThat(notes.get(20).message())
        .isEqualTo("11 more warnings of the scripts are left out of the report.");
    write(
        "db/migrations/V1__noisy.sql",
        "DO $$ BEGIN RAISE WARNING E'long\\n%', repeat('x', 2000); END $$;\n");
    Finding longOne =
        apply(check()).findings().stream()
            .filter(f -> f.rule().equals("script-warning"))
            .findFirst()
            .orElseThrow();
    assertThat(longOne.message())
        .hasSize(500)
        .startsWith("The server warned: long xxx")
        .doesNotContain("\n");
  }

  @Test
  void withoutPsqlOnPathTheFindingNamesTheScriptTheCommandAndHowToInstallPsql() throws IOException {
    fixture("sqitch-psql");
    Path bin = Files.createDirectories(home.resolve("bin"));
    env.put("PATH", bin.toString());
    Finding failure = failure(check());
    assertThat(failure.rule()).isEqualTo("psql-unavailable");
    assertThat(failure.file()).isEqualTo("db/deploy/schema.sql");
    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.message())
        .contains("`\\set schema_name app`")
        .contains("psql is not on PATH")
        .contains("postgresql-client");
  }

  @Test
  void aScriptThatSwitchesTheTimeoutOffIsKilledAndItsSessionEnded() throws Exception {
    write(
        "db/migrations/001_slow.sql",
        "\\set pause 30\nSET statement_timeout = 0;\nSELECT pg_sleep(:pause);\n");
    flags.put(ConfigKeys.STATEMENT_TIMEOUT, new Setting("100ms", "--statement-timeout"));
    long started = System.nanoTime();
    Finding failure = failure(check());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(failure.rule()).isEqualTo("statement-timeout-exceeded");
    assertThat(failure.file()).isEqualTo("db/migrations/001_slow.sql");
    assertThat(failure.line()).isEqualTo(3);
    try (Connection c = SharedServer.get().endpoint().connect("postgres");
        var rows =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'migtest-psql'")) {
      rows.next();
      assertThat(rows.getInt(1)).isZero();
    }
  }

  @Test
  void aTransactionLeftOpenIsAFindingAsOverJdbc() throws IOException {
    write(
        "db/migrations/001_open.sql",
        "\\set name t\nCREATE TABLE a (id int);\nBEGIN;\nCREATE TABLE :name (id int);\n");
    Finding failure = failure(check());
    assertThat(failure.rule()).isEqualTo("open-transaction");
    assertThat(failure.line()).isEqualTo(3);
  }

  @Test
  void aSetupScriptRunsWithPsqlFromTheProjectRoot() throws IOException {
    write("db/setup/roles.sql", "\\set schema_name setup_made\nCREATE SCHEMA :schema_name;\n");
    write("db/migrations/001_t.sql", "CREATE TABLE setup_made.t (id int);\n");
    write("migtest.yml", "setup:\n  - db/setup/roles.sql\n");
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
  }

  @Test
  void psqlRunsUnprivilegedWithOnlyTheConnectionInItsEnvironment() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "dropping privileges needs root");
    env.put("GITHUB_TOKEN", "gh_secret");
    env.put("INPUT_GITHUB-TOKEN", "input_secret");
    Path seen = drop.resolve("seen.txt");
    write(
        "db/migrations/001_env.sql",
        "\\! { id -u; pwd; env; cat /proc/$PPID/environ; } > " + seen + " 2>&1\nSELECT 1;\n");
    RunReport report = check();
    assertThat(report.result()).as(apply(report).toString()).isEqualTo(RunResult.PASS);
    List<String> lines = Files.readAllLines(seen);
    assertThat(lines.get(0)).isNotEqualTo("0");
    assertThat(lines.get(1)).isEqualTo(project.toRealPath().toString());
    assertThat(String.join("\n", lines))
        .contains("PGAPPNAME=migtest-psql")
        .contains("PGDATABASE=migtest_")
        .doesNotContain("secret")
        .doesNotContain("HOME=" + home);
  }

  @Test
  void theBaseBranchsScriptsRunWithPsqlFromACopyOfItsGitTree() throws IOException {
    fixture("sqitch-psql");
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
    // The pull request changes the shared file and its check; the base must run its own.
    write(
        "db/shared/stamp.sql",
        "CREATE FUNCTION app.stamp() RETURNS text LANGUAGE sql AS $$ SELECT 'feature' $$;\n");
    write("db/verify/users.sql", "SELECT 1/(app.stamp() = 'feature')::int;\n");
    Files.writeString(
        project.resolve("db/sqitch.plan"),
        "names 2024-01-03T00:00:00Z A <a@x> # names\n",
        StandardOpenOption.APPEND);
    write("db/deploy/names.sql", "\\ir ../shared/names.sql\n");
    write("db/shared/names.sql", "ALTER TABLE app.users ADD nickname text;\n");
    flags.put(ConfigKeys.BASE, new Setting("main", "--base"));
    GateResult apply = apply(check());
    assertThat(apply.status()).as(apply.toString()).isEqualTo(GateStatus.PASS);
    assertThat(apply.summary()).contains("1 migration applied on top of main");
  }

  private void git(String... args) throws IOException {
    TestGit.run(project, home, args);
  }
}

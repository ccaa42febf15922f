package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.db.ServerEndpoint;
import io.migtest.db.SharedServer;
import io.migtest.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest check} from the command line: exit codes, messages and report files. */
class CheckCommandTest {
  @TempDir Path project;

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
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
                out()));
    args.addAll(List.of(extra));
    if (!args.contains("--gates")) {
      // The CLI and the gates up to apply are tested here; the later gates by tests of their own.
      args.addAll(List.of("--gates", "lint,apply"));
    }
    return CliRun.of(args.toArray(String[]::new));
  }

  /** A report folder of the test's own: the default is the current folder, the working tree. */
  private String out() {
    return project.resolve("migtest-report").toString();
  }

  private JsonNode report() throws IOException {
    return JsonReport.mapper().readTree(project.resolve("migtest-report/report.json").toFile());
  }

  private static JsonNode gate(JsonNode report, String id) {
    for (JsonNode gate : report.get("gates")) {
      if (gate.get("id").asText().equals(id)) {
        return gate;
      }
    }
    throw new AssertionError("no gate " + id + " in " + report);
  }

  @Test
  void passingHistoryWritesTheReportsAndExitsZero() throws IOException {
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
    write("db/migrations/V2__idx.sql", "CREATE INDEX CONCURRENTLY users_idx ON users (id);");
    write("db/migrations/U2__idx.sql", "DROP INDEX users_idx;");
    CliRun run = check("--gates", "lint,apply,rollback,data,performance");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains(": PASS").contains("apply").contains("PASS");
    JsonNode report = report();
    assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(report.get("result").asText()).isEqualTo("PASS");
    assertThat(report.get("layout").asText()).isEqualTo("flyway");
    assertThat(report.get("migrationsDir").asText()).isEqualTo("db/migrations");
    JsonNode second = report.get("migrations").get(1);
    assertThat(second.get("file").asText()).isEqualTo("db/migrations/V2__idx.sql");
    assertThat(second.get("downFile").asText()).isEqualTo("db/migrations/U2__idx.sql");
    assertThat(second.get("isNew").asBoolean()).isTrue();
    assertThat(second.get("statements").asInt()).isEqualTo(1);
    assertThat(report.get("migrations").get(0).has("downFile")).isTrue();
    assertThat(report.get("migrations").get(0).get("downFile").isNull()).isTrue();
    assertThat(report.get("gates").findValuesAsText("id"))
        .containsExactly("lint", "apply", "rollback", "data", "mutation", "performance");
    assertThat(gate(report, "apply").get("mode").asText()).isEqualTo("block");
    assertThat(project.resolve("migtest-report/report.md"))
        .content()
        .contains("| apply | ✅ PASS |");
    assertThat(project.resolve("migtest-report/report.html")).content().contains("<table>");
  }

  @Test
  void aMigrationFailingHalfwayNamesTheStatementAndLeavesNothingBehind() throws Exception {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int NOT NULL);");
    write("db/migrations/V2__b.sql", "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (NULL);\n");
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("db/migrations/V2__b.sql:2").contains("23502");
    JsonNode finding = gate(report(), "apply").get("findings").get(0);
    assertThat(finding.get("line").asInt()).isEqualTo(2);
    assertThat(finding.get("sqlstate").asText()).isEqualTo("23502");
    assertThat(report().get("result").asText()).isEqualTo("FAIL");
    try (Connection c = SharedServer.get().endpoint().connect("postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_database WHERE datname LIKE 'migtest\\_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("scratch databases left behind").isZero();
    }
  }

  @Test
  void aHistoryThatDoesNotApplyFailsARunOfTheGatesThatRunItWithoutTheApplyGate()
      throws IOException {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    write("db/migrations/V2__b.sql", "ALTER TABLE nope ADD COLUMN x int;");
    CliRun run = check("--gates", "data");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(gate(report(), "apply").get("status").asText()).isEqualTo("FAIL");
    assertThat(gate(report(), "apply").get("findings").get(0).get("file").asText())
        .isEqualTo("db/migrations/V2__b.sql");
  }

  /** A CI job uploads the report folder whatever the exit code: never an earlier run's PASS. */
  @Test
  void aRunStoppedByAUsageErrorReplacesTheLastReportWithItsError() throws IOException {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    assertThat(check().exitCode()).isZero();
    assertThat(report().get("result").asText()).isEqualTo("PASS");

    CliRun run = check("--base", "no-such-ref");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(report().get("result").asText()).isEqualTo("ERROR");
    assertThat(report().get("exitCode").asInt()).isEqualTo(2);
    assertThat(Files.readString(project.resolve("migtest-report/report.md")))
        .contains("ERROR")
        .contains("needs a git repository");
  }

  @Test
  void badMigrationFilesFailTheGateWithTheFileNamed() throws IOException {
    write("db/migrations/V1__ok.sql", "CREATE TABLE a (id int);");
    Files.write(
        project.resolve("db/migrations/V2__latin1.sql"),
        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'});
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("V2__latin1.sql").contains("invalid-encoding").contains("iconv");
  }

  @Test
  void aCallbackFileThatIsNotUtf8IsALintFinding() throws IOException {
    write("db/migrations/V1__ok.sql", "CREATE TABLE a (id int);");
    Files.write(
        project.resolve("db/migrations/afterMigrate.sql"),
        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\'', ';'});
    CliRun run = check("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("afterMigrate.sql").contains("invalid-encoding");
  }

  @Test
  void aDanglingSymlinkIsReportedAsUnreadable() throws IOException {
    write("db/migrations/V1__ok.sql", "CREATE TABLE a (id int);");
    Files.createSymbolicLink(
        project.resolve("db/migrations/V2__gone.sql"), project.resolve("nowhere.sql"));
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("V2__gone.sql").contains("unreadable-file");
  }

  @Test
  void anUnterminatedDollarQuoteFailsAtItsLine() throws IOException {
    write(
        "db/migrations/V1__fn.sql",
        "CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN RETURN 1; END;\n");
    CliRun run = check();
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("V1__fn.sql:2").contains("unterminated-dollar-quote");
  }

  @Test
  void theSchemaFileMustBuildWhatTheMigrationsBuild() throws IOException {
    write(
        "db/migrations/V1__users.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, name text NOT NULL);\n"
            + "CREATE INDEX users_name ON users (name);");
    String dump =
        "\\restrict migtestTestKey\n"
            + "SET statement_timeout = 0;\n"
            + "SELECT pg_catalog.set_config('search_path', '', false);\n"
            + "CREATE TABLE public.users (id bigint NOT NULL, name text NOT NULL);\n"
            + "ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);\n";
    write("db/schema.sql", dump + "CREATE INDEX users_name ON public.users USING btree (name);\n");
    write("migtest.yml", "schema-file: db/schema.sql\n");

    CliRun equal = check("--gates", "apply");
    assertThat(equal.exitCode()).as(equal.all()).isZero();
    assertThat(equal.out()).contains("the schema equals db/schema.sql");

    write("db/schema.sql", dump + "\\unrestrict migtestTestKey\n");
    CliRun drift = check("--gates", "apply");
    assertThat(drift.exitCode()).as(drift.all()).isEqualTo(1);
    assertThat(drift.out())
        .contains("db/schema.sql [schema-drift]")
        .contains("index `public.users_name` added");

    write("db/schema.sql", "CREATE TABLE public.users (id bigint REFERENCES nowhere);\n");
    CliRun broken = check("--gates", "apply");
    assertThat(broken.exitCode()).isEqualTo(1);
    assertThat(broken.out()).contains("db/schema.sql:1 [schema-drift]").contains("42P01");
  }

  @Test
  void rowsTheDataGateShowsAreEscapedInTheReport() throws IOException {
    write(
        "migrations/1_notes.up.sql",
        "CREATE TABLE notes (id int PRIMARY KEY, body text);\n"
            + "INSERT INTO notes VALUES (1, 'a|b <img src=x onerror=alert(1)> @here [l](http://e)');");
    write("migrations/1_notes.down.sql", "DROP TABLE notes;");
    write("migrations/2_wipe.up.sql", "UPDATE notes SET body = NULL;");
    write("migrations/2_wipe.down.sql", "SELECT 'nothing to restore';");

    CliRun run = check("--gates", "data");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    String markdown = Files.readString(project.resolve("migtest-report/report.md"));
    assertThat(markdown)
        .contains("data-not-restored")
        .contains("&lt;img")
        .doesNotContain("<img")
        .doesNotContain("@here")
        .doesNotContain("](http://e)");
  }

  @Test
  void aTenMegabyteMigrationApplies() throws IOException {
    StringBuilder sql = new StringBuilder("CREATE TABLE big (id int, payload text);\n");
    String row = "INSERT INTO big VALUES (1, '" + "x".repeat(200) + "');\n";
    while (sql.length() < 10 * 1024 * 1024) {
      sql.append(row);
    }
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__big.sql"), sql, StandardCharsets.UTF_8);
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(report().get("migrations").get(0).get("statements").asInt()).isGreaterThan(40_000);
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTrace() throws IOException {
    CliRun missing =
        CliRun.of("check", project.resolve("no-such-dir").toString(), "--report-dir", out());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("does not exist").doesNotContain("\tat ");

    write("README.md", "no migrations here");
    CliRun empty = CliRun.of("check", project.toString(), "--report-dir", out());
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("No migrations found").contains("--migrations");

    write("db/migrations/V1__a.sql", "SELECT 1;");
    write("migtest.yml", "gates:\n  apply: maybe\n");
    CliRun config = CliRun.of("check", project.toString(), "--report-dir", out());
    assertThat(config.exitCode()).isEqualTo(2);
    assertThat(config.err()).contains("migtest.yml line 2").contains("gates.apply");

    Files.delete(project.resolve("migtest.yml"));
    CliRun tests =
        CliRun.of("check", project.toString(), "--tests", "no/such/tests", "--report-dir", out());
    assertThat(tests.exitCode()).isEqualTo(2);
    assertThat(tests.err()).contains("tests folder no/such/tests does not exist");

    CliRun gate =
        CliRun.of("check", project.toString(), "--gates", "mutate", "--report-dir", out());
    assertThat(gate.exitCode()).isEqualTo(2);
    assertThat(gate.err()).contains("mutate");
  }

  @Test
  void aMisspelledOptionDoesNotEchoThePasswordOfItsUrl() {
    CliRun misspelled =
        CliRun.of("check", project.toString(), "--databse-url", "postgres://app:s3cret-pw@h/db");
    assertThat(misspelled.exitCode()).isEqualTo(2);
    assertThat(misspelled.err())
        .contains("'--databse-url', 'postgres://app:***@h/db'")
        .doesNotContain("s3cret-pw");

    CliRun joined = CliRun.of("check", "--databse-url=postgres://app:s3cret-pw@h/db");
    assertThat(joined.exitCode()).isEqualTo(2);
    assertThat(joined.err()).contains("app:***@h").doesNotContain("s3cret-pw");
  }

  @Test
  void anUnknownOptionNamedForASecretDoesNotEchoItsValue() {
    CliRun spaced = CliRun.of("check", project.toString(), "--some-token", "tok-value-1");
    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(spaced.err()).contains("'--some-token', '***'").doesNotContain("tok-value-1");

    CliRun joined = CliRun.of("check", "--db-password=hunter2");
    assertThat(joined.exitCode()).isEqualTo(2);
    assertThat(joined.err()).contains("'--db-password=***'").doesNotContain("hunter2");
  }

  @Test
  void anErrorAndItsStackTraceDoNotShowAPassword() {
    CliRun run = CliRun.of("check", "postgres://app:s3cret-pw@h/db", "--debug");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("does not exist")
        .contains("app:***@h/db")
        .contains("\tat ")
        .doesNotContain("s3cret-pw");
  }

  @Test
  void aServerThatRefusesConnectionsExitsThreeWithoutPrintingThePassword() throws IOException {
    write("db/migrations/V1__a.sql", "SELECT 1;");
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CliRun run =
        CliRun.of(
            "check",
            project.toString(),
            "--database-url",
            "postgres://app:s3cret-pw@127.0.0.1:" + port + "/app",
            "--report-dir",
            out());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.all()).contains("refused the connection").doesNotContain("s3cret-pw");
    assertThat(report().get("result").asText()).isEqualTo("ERROR");
    assertThat(report().get("exitCode").asInt()).isEqualTo(3);
    assertThat(Files.readString(project.resolve("migtest-report/report.json")))
        .doesNotContain("s3cret-pw");
  }

  @Test
  void aWrongPasswordExitsThreeWithoutPrintingIt() throws IOException {
    write("db/migrations/V1__a.sql", "SELECT 1;");
    ServerEndpoint e = SharedServer.get().endpoint();
    String url = "postgres://postgres:wrong-pw-123@" + e.host() + ":" + e.port() + "/postgres";
    CliRun run =
        CliRun.of("check", project.toString(), "--database-url", url, "--report-dir", out());
    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.all())
        .contains("28P01")
        .contains("Authentication failed")
        .doesNotContain("wrong-pw-123");
  }

  @Test
  void warningsAboutSingleScriptsReachTheReport() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    write(
        "db/migrations/V2__mixed.sql",
        "INSERT INTO t VALUES (1);\nCREATE INDEX CONCURRENTLY t_id ON t (id);");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("WARN").contains("V2__mixed.sql:2 [mixed-transaction]");
  }

  @Test
  void aForcedLayoutThatMatchesNothingIsAUsageError() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    CliRun run = check("--layout", "golang-migrate");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("No golang-migrate migrations in db/migrations")
        .contains("--layout");
  }

  @Test
  void theLintGateAloneStartsNoDatabaseAndPassesWhereNoneCouldStart() throws IOException {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    // Nothing listens on port 1: starting a database here would end in exit 3.
    CliRun run =
        CliRun.of(
            "check",
            project.toString(),
            "--gates",
            "lint",
            "--database-url",
            "postgres://nobody@127.0.0.1:1/none",
            "--report-dir",
            out());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.all()).doesNotContain("database:");
    assertThat(run.out()).contains("lint").contains("1 migration, no problems");
    assertThat(gate(report(), "apply").get("status").asText()).isEqualTo("SKIP");
  }

  @Test
  void hygieneProblemsFailTheLintGate() throws IOException {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    write("db/migrations/V1__b.sql", "CREATE TABLE b (id int);");
    write("db/migrations/V2-bad-name.sql", "SELECT 1;");
    CliRun run = check("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    JsonNode lint = gate(report(), "lint");
    assertThat(lint.get("status").asText()).isEqualTo("FAIL");
    assertThat(lint.get("findings").findValuesAsText("rule"))
        .contains("duplicate-version", "unrecognised-file");
  }

  @Test
  void setupScriptsRunOnceBeforeTheFirstMigrationAndTheirRolesServeEveryDatabase()
      throws Exception {
    String role = "app_reader_" + Long.toHexString(System.nanoTime());
    write("db/setup/roles.sql", "CREATE ROLE " + role + ";\nCREATE SCHEMA app;\n");
    write(
        "db/migrations/V1__t.sql",
        "CREATE TABLE app.t (id int);\nGRANT SELECT ON app.t TO " + role + ";");
    write(
        "db/tests/01_grant.sql",
        "-- migtest:expect-rows 1\nSELECT 1 FROM pg_roles WHERE rolname = '" + role + "';\n");
    CliRun without = check();
    assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
    assertThat(without.out()).contains("schema \"app\" does not exist");
    write("migtest.yml", "setup:\n  - db/setup/roles.sql\n");
    try {
      CliRun run = check();
      assertThat(run.exitCode()).as(run.all()).isZero();
      assertThat(run.out()).contains("1 test: 1 passed");
    } finally {
      try (Connection c = SharedServer.get().endpoint().connect("postgres")) {
        c.createStatement().execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  /**
   * The lint gate builds the state the setup makes first, and the apply gate asks for it again: the
   * role the setup created before failing stays on the server, so a second attempt would fail on
   * the role instead of on what broke.
   */
  @Test
  void aFailingSetupScriptIsAFindingThatNamesItsLine() throws Exception {
    String role = "setup_role_" + Long.toHexString(System.nanoTime());
    write(
        "db/setup/broken.sql", "CREATE ROLE " + role + ";\nCREATE EXTENSION no_such_extension;\n");
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    try {
      CliRun run = check("--setup", "db/setup/broken.sql");
      assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
      assertThat(run.out())
          .contains("db/setup/broken.sql:2")
          .contains("setup-failed")
          .contains("no_such_extension")
          .doesNotContain("already exists");
    } finally {
      try (Connection c = SharedServer.get().endpoint().connect("postgres")) {
        c.createStatement().execute("DROP ROLE IF EXISTS " + role);
      }
    }
  }

  @Test
  void aSetupFileFromTheConfigMustBeInsideTheProject() throws IOException {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    write("migtest.yml", "setup: [../elsewhere.sql]\n");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("'setup' is ../elsewhere.sql").contains("outside the project");
  }

  @Test
  void aFifoInTheMigrationsFolderIsAnUnreadableFileNotAHang() throws Exception {
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
    Process mkfifo =
        new ProcessBuilder("mkfifo", project.resolve("db/migrations/V2__fifo.sql").toString())
            .start();
    assertThat(mkfifo.waitFor()).isZero();
    CliRun run = check("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("V2__fifo.sql").contains("not a regular file");
  }

  @Test
  void aVersionUsedThreeTimesIsOneFindingNamingAllThree() throws IOException {
    write("db/migrations/V1__a.sql", "SELECT 1;");
    write("db/migrations/V1.0__b.sql", "SELECT 1;");
    write("db/migrations/V01__c.sql", "SELECT 1;");
    CliRun run = check("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    JsonNode lint = gate(report(), "lint");
    assertThat(lint.get("findings").findValuesAsText("rule")).containsExactly("duplicate-version");
    assertThat(lint.get("findings").get(0).get("message").asText())
        .contains("is used 3 times")
        .contains("V1__a.sql")
        .contains("V1.0__b.sql")
        .contains("V01__c.sql");
  }

  @Test
  void initSqlRunsOnEveryConnectionBeforeTheMigrationsAndTheTests() throws IOException {
    copy(Path.of("src/test/resources/fidelity/init-sql"));
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("1 test: 1 passed");
    CliRun without = check("--init-sql", "");
    assertThat(without.exitCode()).as(without.all()).isEqualTo(1);
    assertThat(without.out()).contains("expected 1 row, got 0");
    CliRun broken = check("--init-sql", "SET search_path TO");
    assertThat(broken.exitCode()).as(broken.all()).isEqualTo(2);
    assertThat(broken.err()).contains("init-sql failed");
  }

  @Test
  void flywayCallbacksRunWhereFlywayRunsThem() throws IOException {
    copy(Path.of("src/test/resources/fidelity/flyway-callbacks"));
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("2 tests: 2 passed").doesNotContain("unrecognised-file");
  }

  @Test
  void aFailingCallbackIsAFindingAtItsLineThatNamesItsEvent() throws IOException {
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write("db/migrations/afterMigrate__views.sql", "\nCREATE VIEW v AS SELECT name FROM users;");
    write("db/migrations/beforeEachMigrateStatement.sql", "SELECT 1;");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    JsonNode findings = gate(report(), "apply").get("findings");
    assertThat(findings.findValuesAsText("rule"))
        .containsExactlyInAnyOrder("callback-not-run", "callback-failed");
    for (JsonNode finding : findings) {
      if (finding.get("rule").asText().equals("callback-failed")) {
        assertThat(finding.get("file").asText()).isEqualTo("db/migrations/afterMigrate__views.sql");
        assertThat(finding.get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("sqlstate").asText()).isEqualTo("42703");
        assertThat(finding.get("message").asText()).startsWith("The afterMigrate callback failed");
      } else {
        assertThat(finding.get("severity").asText()).isEqualTo("info");
        assertThat(finding.get("message").asText())
            .contains("migtest does not run beforeEachMigrateStatement callbacks");
      }
    }
  }

  private void copy(Path fixture) throws IOException {
    try (var files = Files.walk(fixture)) {
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
}

package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.SharedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack corpus of docs/security.md that runs in-process: a pull request controls the
 * repository (migrations, {@code migtest.yml}, committed symbolic links) and must not make migtest
 * write or read outside the project, run a statement twice, or run forever.
 */
class HostileRepositoryTest {
  @TempDir Path work;
  private Path project;
  private Path outside;
  private Path victim;

  @BeforeEach
  void layout() throws IOException {
    project = Files.createDirectories(work.resolve("project"));
    outside = Files.createDirectories(work.resolve("outside"));
    victim = Files.writeString(outside.resolve("victim.txt"), "precious\n");
    write("db/migrations/V1__a.sql", "CREATE TABLE a (id int);");
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private CliRun check(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("check", project.toString(), "--database-url", SharedServer.url()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private CliRun checkWithReports(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--report-dir", work.resolve("reports").toString()));
    args.addAll(List.of(extra));
    return check(args.toArray(String[]::new));
  }

  @Test
  void aCommittedLinkInPlaceOfAReportFileIsRefusedBeforeAnyWork() throws IOException {
    Files.createDirectories(project.resolve("migtest-report"));
    Files.createSymbolicLink(project.resolve("migtest-report/report.md"), victim);
    CliRun run = check("--report-dir", project.resolve("migtest-report").toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("report.md").contains("symbolic link");
    assertThat(run.all()).doesNotContain("apply: starting");
    assertThat(victim).hasContent("precious");
  }

  @Test
  void aCommittedLinkInPlaceOfTheOutputFolderIsRefused() throws IOException {
    Files.createSymbolicLink(project.resolve("migtest-report"), outside);
    CliRun run = check("--report-dir", project.resolve("migtest-report").toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("symbolic link");
    try (var files = Files.list(outside)) {
      assertThat(files).containsExactly(victim);
    }
  }

  @Test
  void reportsReplaceAnExistingFileWithoutFollowingIt() throws IOException {
    Path reports = Files.createDirectories(work.resolve("reports"));
    Files.writeString(reports.resolve("report.md"), "old");
    CliRun run = checkWithReports();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(reports.resolve("report.md")).content().contains("apply");
    assertThat(reports.resolve("report.json").toFile().canRead()).isTrue();
    assertThat(Files.getPosixFilePermissions(reports.resolve("report.json")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    try (var files = Files.list(reports)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "report.json",
              "report.md",
              "report.html",
              "junit.xml",
              "results.sarif",
              "mutation-report.json");
    }
  }

  @Test
  void aOutputFolderFromTheConfigFileMustStayInsideTheProject() throws IOException {
    write("migtest.yml", "report-dir: ../outside/reports\n");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err())
        .contains("migtest.yml line 1")
        .contains("report-dir")
        .contains("outside the project");
    assertThat(outside.resolve("reports")).doesNotExist();
  }

  @Test
  void aOutputFolderFromTheConfigFileMayNotLeadOutThroughALink() throws IOException {
    Files.createSymbolicLink(project.resolve("out"), outside);
    write("migtest.yml", "report-dir: out/reports\n");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err())
        .contains("symbolic link")
        .contains("outside the project")
        .as("where the link leads is the host's business")
        .doesNotContain(outside.toString());
    assertThat(outside.resolve("reports")).doesNotExist();
  }

  @Test
  void migrationsAndTestsFromTheConfigFileMustStayInsideTheProject() throws IOException {
    Files.writeString(outside.resolve("V1__evil.sql"), "SELECT 1;");
    for (String key : List.of("migrations", "tests")) {
      write("migtest.yml", key + ": ../outside\n");
      CliRun run = checkWithReports();
      assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
      assertThat(run.err()).contains("'" + key + "' is ../outside").contains("outside the project");
    }
  }

  @Test
  void anAutoDetectedMigrationsFolderThatLinksOutIsRefusedWithAWayToUseIt() throws IOException {
    Path elsewhere = outside.resolve("migrations");
    Files.move(project.resolve("db/migrations"), elsewhere);
    Files.createSymbolicLink(project.resolve("db/migrations"), elsewhere);
    CliRun refused = checkWithReports();
    assertThat(refused.exitCode()).as(refused.all()).isEqualTo(2);
    assertThat(refused.err())
        .contains("db/migrations")
        .contains("symbolic link to " + elsewhere.toRealPath())
        .contains("--migrations db/migrations");
    CliRun given = checkWithReports("--migrations", "db/migrations");
    assertThat(given.exitCode()).as(given.all()).isZero();
    assertThat(given.out()).contains("1 migration applied");
  }

  @Test
  void aLinkedMigrationsFolderInsideTheProjectIsRead() throws IOException {
    Files.move(project.resolve("db/migrations"), project.resolve("sql-files"));
    Files.createSymbolicLink(project.resolve("db/migrations"), project.resolve("sql-files"));
    CliRun run = checkWithReports();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("1 migration applied");
  }

  @Test
  void aConfigFileThatLinksOutOfTheProjectIsNotRead() throws IOException {
    Path secret = Files.writeString(outside.resolve("shadow"), "root:$6$hash:19000:0:99999:7:::\n");
    Files.createSymbolicLink(project.resolve("migtest.yml"), secret);
    CliRun run = checkWithReports();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("migtest.yml").contains("not a file inside the project");
    assertThat(run.all()).doesNotContain("$6$hash");
  }

  @Test
  void aFailingMigrationRunsItsStatementsOnceSoOutsideEffectsHappenOnce() throws IOException {
    // The server runs as an unprivileged user when the tests run as root.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path log = outside.resolve("effects.log");
    write(
        "db/migrations/V2__effect.sql",
        "CREATE TABLE b (id int);\n"
            + "COPY (SELECT 1) TO PROGRAM 'cat > /dev/null; echo ran >> "
            + log
            + "';\n"
            + "SELECT 1/0;\n");
    // The gates after apply run migrations again on purpose (the data gate on seeded rows).
    CliRun run = checkWithReports("--gates", "lint,apply");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("V2__effect.sql:3").contains("22012");
    assertThat(Files.readAllLines(log)).containsExactly("ran");
  }

  @Test
  void aMigrationThatSwitchesOffTheStatementTimeoutFailsInsteadOfHanging() throws IOException {
    write("db/migrations/V2__hang.sql", "SET statement_timeout = 0;\nSELECT pg_sleep(3600);\n");
    CliRun run = checkWithReports("--statement-timeout", "1s");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("V2__hang.sql:2")
        .contains("statement-timeout-exceeded")
        .contains("--statement-timeout");
  }

  @Test
  void theWholeRunStopsAtItsTimeLimitAndLeavesNoDatabaseBehind() throws Exception {
    write("db/migrations/V2__slow.sql", "SELECT pg_sleep(3600);\n");
    CliRun run = checkWithReports("--statement-timeout", "2h", "--timeout", "3s");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
    assertThat(run.out()).contains("time limit of 3s").contains("--timeout");
    assertThat(work.resolve("reports/report.json")).content().contains("\"result\" : \"ERROR\"");
    try (Connection c = SharedServer.get().endpoint().connect("postgres");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%pg_sleep(3600)%'"
                        + " AND pid <> pg_backend_pid()")) {
      rs.next();
      assertThat(rs.getInt(1)).as("sessions still sleeping").isZero();
    }
  }

  @Test
  void aStatementTimeoutBelowWhatMigtestsOwnStatementsNeedIsAUsageError() {
    CliRun run = checkWithReports("--statement-timeout", "1ms");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("--statement-timeout").contains("at least 100ms");
  }

  @Test
  void aDatabaseUrlTogetherWithAnImageIsAUsageError() {
    CliRun run = checkWithReports("--postgres-image", "postgres:16");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("--database-url").contains("--postgres-image");
  }

  @Test
  void aSubfolderDressedAsABareRepositoryCannotMakeGitRunItsCommands() throws Exception {
    Path marker = outside.resolve("git-ran-this");
    git(work, "init", "-q");
    // Files a pull request can commit: together they make the project folder a bare repository.
    git(project, "init", "-q", "--bare", ".");
    write("shallow", "0123456789012345678901234567890123456789\n");
    write(
        "config",
        "[core]\n\trepositoryformatversion = 0\n\tbare = false\n\tworktree = .\n\tfsmonitor = touch "
            + marker
            + "\n[remote \"origin\"]\n\turl = /tmp\n\tuploadpack = touch "
            + marker
            + "\n");
    write("migtest.yml", "base: main\n");
    CliRun run = checkWithReports();
    assertThat(marker).doesNotExist();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
  }

  @Test
  void aConfigFileGivenOnTheCommandLineMayNotLeadOutThroughARepositoryLink() throws IOException {
    Path secret = Files.writeString(outside.resolve("shadow"), "root:$6$hash:19000:0:99999:7:::\n");
    Files.createSymbolicLink(project.resolve("ci.yml"), secret);
    CliRun run = checkWithReports("--config", project.resolve("ci.yml").toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("--config file").contains("symbolic link");
    assertThat(run.all()).doesNotContain("$6$hash");
  }

  @Test
  void aOutputFolderGivenOnTheCommandLineMayNotLeadOutThroughARepositoryLink() throws IOException {
    Files.createSymbolicLink(project.resolve("out"), outside);
    CliRun run = check("--report-dir", project.resolve("out/migtest").toString());
    assertThat(run.exitCode()).as(run.all()).isEqualTo(2);
    assertThat(run.err()).contains("report folder").contains("symbolic link");
    assertThat(outside.resolve("migtest")).doesNotExist();
  }

  @Test
  void aOutputFolderNameCannotForgeAWorkflowCommand() throws IOException {
    write("migtest.yml", "report-dir: \"r\\n::error title=INJECTED::pwned\"\n");
    CliRun run = check();
    assertThat(run.all().lines()).noneMatch(line -> line.stripLeading().startsWith("::"));
  }

  @Test
  void aCheckoutThatKeepsItsTokenInTheGitConfigIsPointedOut() throws Exception {
    git(project, "init", "-q");
    git(project, "config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic eA==");
    CliRun run = checkWithReports("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.err()).contains("persist-credentials: false").doesNotContain("eA==");
  }

  @Test
  void aCommittedLinkInPlaceOfTheCacheFolderIsNotWrittenThrough() throws IOException {
    Files.createSymbolicLink(project.resolve(".migtest"), outside);
    CliRun run = checkWithReports("--gates", "lint");
    assertThat(run.exitCode()).as(run.all()).isZero();
    try (var files = Files.list(outside)) {
      assertThat(files).containsExactly(victim);
    }
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(git.waitFor()).isZero();
  }
}

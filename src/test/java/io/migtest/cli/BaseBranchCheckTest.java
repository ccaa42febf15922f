package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.migtest.TestGit;
import io.migtest.db.SharedServer;
import io.migtest.report.JsonReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest check --base}: the pull request's migrations on top of the base branch. */
class BaseBranchCheckTest {
  @TempDir Path repo;

  private void git(String... args) throws IOException {
    TestGit.run(repo, repo, args);
  }

  private void write(String relative, String content) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @BeforeEach
  void baseBranch() throws IOException {
    git("init", "-q", "-b", "main");
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);");
    write("db/migrations/V2__seed.sql", "INSERT INTO users VALUES (1, 'ann'), (2, NULL);");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
  }

  /** The apply gate on the base's state; the later gates have tests of their own. */
  private CliRun check() {
    return CliRun.of(
        "check",
        repo.toString(),
        "--gates",
        "lint,apply",
        "--base",
        "main",
        "--database-url",
        SharedServer.url(),
        "--report-dir",
        repo.resolve("out").toString());
  }

  @Test
  void newMigrationsApplyOnTopOfTheBaseAndAreMarkedNew() throws IOException {
    write("db/migrations/V3__emails.sql", "ALTER TABLE users ADD COLUMN email text;");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("3 migrations applied on an empty database")
        .contains("1 migration applied on top of main");
    JsonNode migrations =
        JsonReport.mapper().readTree(repo.resolve("out/report.json").toFile()).get("migrations");
    assertThat(migrations.findValuesAsText("isNew")).containsExactly("false", "false", "true");
  }

  @Test
  void aNewMigrationThatOnlyFailsOnTheBasesDataFailsTheGate() throws IOException {
    // Passes on an empty database, but the base branch's data has a NULL name.
    write(
        "db/migrations/V3__require_names.sql", "ALTER TABLE users ALTER COLUMN name SET NOT NULL;");
    write("db/migrations/V2__seed.sql", "INSERT INTO users VALUES (1, 'ann'), (2, 'bob');");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("edited-migration").contains("V2__seed.sql");
    assertThat(run.out())
        .contains("failed on top of main at db/migrations/V3__require_names.sql:1")
        .contains("23502");
  }

  @Test
  void aRoleCreatedByTheHistoryIsCreatedAgainForTheBaseStateAsOnAFreshServer() throws IOException {
    git("rm", "-q", "-r", "db");
    Path fixture = Path.of("src/test/resources/fidelity/cluster-roles/db/migrations");
    for (String name : List.of("V1__roles.sql", "V2__users.sql")) {
      write("db/migrations/" + name, Files.readString(fixture.resolve(name)));
    }
    git("add", "-A");
    git("commit", "-q", "-m", "roles");
    git("checkout", "-q", "-b", "roles-feature");
    write("db/migrations/V3__emails.sql", "ALTER TABLE users ADD COLUMN email text;");
    // The embedded server: migtest leaves the roles of a server given by URL alone.
    CliRun run =
        CliRun.of(
            "check",
            repo.toString(),
            "--gates",
            "lint,apply",
            "--base",
            "feature",
            "--report-dir",
            repo.resolve("out").toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out()).contains("1 migration applied on top of feature");
  }

  /** Adds a view the base branch's afterMigrate callback rebuilds, then branches off again. */
  private void baseRebuildsAView() throws IOException {
    git("checkout", "-q", "main");
    write(
        "db/migrations/afterMigrate__views.sql",
        "CREATE OR REPLACE VIEW user_names AS SELECT id, name FROM users;");
    git("add", "-A");
    git("commit", "-q", "-m", "views");
    git("checkout", "-q", "-B", "feature");
  }

  @Test
  void theBaseStateIsBuiltWithTheBasesCallbacksAndTheNewMigrationsRunWithTheHeads()
      throws IOException {
    baseRebuildsAView();
    // Works only if the base's callback built the view before the rename, and the head's rebuilt
    // it.
    write(
        "db/migrations/V3__full_name.sql",
        "ALTER TABLE users RENAME COLUMN name TO full_name;"
            + " -- migtest:ignore rename-column no application runs in this test");
    write(
        "db/migrations/afterMigrate__views.sql",
        "CREATE OR REPLACE VIEW user_names AS SELECT id, full_name AS name FROM users;");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("3 migrations applied on an empty database")
        .contains("1 migration applied on top of main");
  }

  @Test
  void aNewMigrationThatBreaksAViewTheBasesCallbackBuiltFailsOnTopOfTheBase() throws IOException {
    baseRebuildsAView();
    // Passes on an empty database, where the head's callback runs only after the migrations.
    write("db/migrations/V3__drop_name.sql", "ALTER TABLE users DROP COLUMN name;");
    write(
        "db/migrations/afterMigrate__views.sql",
        "DROP VIEW IF EXISTS user_names;\nCREATE OR REPLACE VIEW user_ids AS SELECT id FROM users;");
    CliRun run = check();
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("3 migrations applied on an empty database")
        .contains("failed on top of main at db/migrations/V3__drop_name.sql:1")
        .contains("2BP01");
  }

  @Test
  void flywaySettingsInMigtestYmlMakeARemovedAndAnOlderMigrationWhatFlywayThenAllows()
      throws IOException {
    git("rm", "-q", "db/migrations/V2__seed.sql");
    write("db/migrations/V1_5__emails.sql", "ALTER TABLE users ADD COLUMN email text;");
    CliRun strict = check();
    assertThat(strict.exitCode()).as(strict.all()).isEqualTo(1);
    assertThat(strict.out()).contains("removed-migration").contains("out-of-order");
    // As a project whose Flyway settings live in application.yml (Spring, Micronaut) says them.
    write(
        "migtest.yml",
        "flyway:\n  outOfOrder: true\n  ignoreMigrationPatterns: \"*:missing,*:future\"\n");
    CliRun allowed = check();
    assertThat(allowed.exitCode()).as(allowed.all()).isZero();
    assertThat(allowed.out())
        .contains("warning db/migrations/V2__seed.sql [removed-migration]")
        .doesNotContain("error db/migrations/V1_5__emails.sql");
    write("migtest.yml", "flyway:\n  outOfOrdr: true\n");
    CliRun typo = check();
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("'flyway.outOfOrdr' is not a Flyway setting migtest reads");
  }
}

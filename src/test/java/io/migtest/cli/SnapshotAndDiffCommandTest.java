package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.TestGit;
import io.migtest.db.SharedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest snapshot} and {@code migtest diff} as a user runs them. */
class SnapshotAndDiffCommandTest {
  @TempDir Path project;

  @BeforeEach
  void history() throws IOException {
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);");
    write(
        "db/migrations/V2__name.sql",
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nCREATE INDEX users_name ON users (name);");
  }

  @Test
  void snapshotsAfterAVersionAndAfterAllDifferByWhatTheLaterMigrationDid() throws IOException {
    CliRun first = snapshot("--up-to", "1", "--output", project.resolve("v1.json").toString());
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("objects written to");
    CliRun padded = snapshot("--up-to", "01", "--output", project.resolve("v01.json").toString());
    assertThat(padded.exitCode()).as("01 is version 1, as Flyway reads it").isZero();
    assertThat(project.resolve("v01.json")).hasSameTextualContentAs(project.resolve("v1.json"));
    CliRun all = snapshot();
    assertThat(all.exitCode()).isZero();
    assertThat(all.out()).startsWith("{").contains("\"table public.users\"");
    assertThat(all.out()).doesNotContain("flyway_schema_history");
    Files.writeString(project.resolve("all.json"), all.out());

    CliRun diff =
        CliRun.of(
            "diff", project.resolve("v1.json").toString(), project.resolve("all.json").toString());
    assertThat(diff.exitCode()).isEqualTo(1);
    assertThat(diff.out())
        .contains("column `public.users.name`: NOT NULL added")
        .contains("index `public.users_name` added");

    CliRun same =
        CliRun.of(
            "diff", project.resolve("v1.json").toString(), project.resolve("v1.json").toString());
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).contains("The schemas are equal.");
  }

  @Test
  void badInputIsAUsageErrorAndAFailingMigrationFailsTheSnapshot() throws IOException {
    CliRun unknown = snapshot("--up-to", "7");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("No migration has version 7; the versions are: 1, 2.");

    Files.writeString(project.resolve("bad.json"), "{\"schemaVersion\": 9}");
    CliRun notASnapshot =
        CliRun.of(
            "diff", project.resolve("bad.json").toString(), project.resolve("bad.json").toString());
    assertThat(notASnapshot.exitCode()).isEqualTo(2);
    assertThat(notASnapshot.err())
        .contains("is not a schema snapshot written by this migtest version")
        .contains("`migtest snapshot --output FILE` writes one");

    write("db/migrations/V3__broken.sql", "ALTER TABLE nope ADD COLUMN x int;");
    CliRun failing = snapshot();
    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(failing.err())
        .contains("The migrations do not apply")
        .contains("db/migrations/V3__broken.sql:1")
        .contains("relation \"nope\" does not exist");
  }

  @Test
  void twoGitRefsAreDiffedByTheSchemasTheirMigrationsBuild() throws IOException {
    git("init", "-q", "-b", "main");
    git("add", "db/migrations/V1__users.sql");
    git("commit", "-q", "-m", "users");
    git("tag", "v1");
    git("add", "-A");
    git("commit", "-q", "-m", "name");

    CliRun diff = diff("v1", "main");
    assertThat(diff.exitCode()).as(diff.all()).isEqualTo(1);
    assertThat(diff.out())
        .contains("column `public.users.name`: NOT NULL added")
        .contains("index `public.users_name` added");
    assertThat(diff.err()).contains("snapshotting the schema of git ref v1");

    assertThat(diff("main", "HEAD").exitCode()).isZero();

    CliRun unknown = diff("v9", "main");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("v9 is neither a snapshot file nor a git ref of");
  }

  private CliRun diff(String a, String b) {
    return CliRun.of(
        "diff", a, b, "--project", project.toString(), "--database-url", SharedServer.url());
  }

  private void git(String... args) throws IOException {
    TestGit.run(project, project, args);
  }

  private CliRun snapshot(String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "snapshot";
    args[1] = project.toString();
    args[2] = "--database-url";
    args[3] = SharedServer.url();
    System.arraycopy(more, 0, args, 4, more.length);
    return CliRun.of(args);
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

package io.migtest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.SharedServer;
import io.migtest.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rollback gate on a real PostgreSQL: up, down, up again, compared by schema snapshots. */
class RollbackGateTest {
  @TempDir Path project;

  @Test
  void aDownThatForgetsAnIndexFailsAtTheDownFileAndTheUpCannotRunAgain() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write(
        "migrations/2_name.up.sql",
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nCREATE INDEX users_name ON users (name);");
    write("migrations/2_name.down.sql", "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;");

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.summary()).isEqualTo("2 migrations checked (up, down, up again)");
    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly("down-does-not-restore", "up-after-down-fails");
    Finding finding = result.findings().get(0);
    assertThat(finding.file()).isEqualTo("migrations/2_name.down.sql");
    assertThat(finding.message())
        .startsWith("The down script does not bring back the schema from before the migration.")
        .contains("Compared with before the migration: index `public.users_name` added");
    Finding again = result.findings().get(1);
    assertThat(again.file()).isEqualTo("migrations/2_name.up.sql");
    assertThat(again.line()).isEqualTo(2);
    assertThat(again.message()).contains("relation \"users_name\" already exists");
  }

  @Test
  void downsThatUndoTheirUpsPass() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write(
        "migrations/2_name.up.sql",
        "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\nCREATE INDEX users_name ON users (name);");
    write(
        "migrations/2_name.down.sql",
        "DROP INDEX users_name;\nALTER TABLE users ALTER COLUMN name DROP NOT NULL;");

    GateResult result = rollback();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void aDownThatFailsIsReportedAtItsLineWithTheSqlstate() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int);");
    write("migrations/1_users.down.sql", "-- undo\nDROP TABLE userz;");
    write("migrations/2_more.up.sql", "CREATE TABLE more (id int);");
    write("migrations/2_more.down.sql", "DROP TABLE more;");

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    Finding failure = result.findings().get(0);
    assertThat(failure.file()).isEqualTo("migrations/1_users.down.sql");
    assertThat(failure.line()).isEqualTo(2);
    assertThat(failure.sqlstate()).isEqualTo("42P01");
    assertThat(failure.message()).startsWith("The down script failed: Statement at line 2 failed");
    assertThat(result.summary())
        .as("the next migration is still checked")
        .startsWith("2 migrations");
  }

  @Test
  void aMigrationThatDoesNotApplyEndsTheCheckAndTheSummarySaysWhere() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write("migrations/2_broken.up.sql", "ALTER TABLE nope ADD COLUMN x int;");
    write("migrations/2_broken.down.sql", "SELECT 1;");

    GateResult result = rollback();

    assertThat(result.summary())
        .startsWith("1 migration checked")
        .endsWith(
            "stopped at migrations/2_broken.up.sql, which does not apply (the apply gate reports"
                + " it)");
  }

  @Test
  void aDownThatLeavesTheTableMakesTheUpFailAgain() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int);");
    write("migrations/1_users.down.sql", "SELECT 1;");

    GateResult result = rollback();

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly("down-does-not-restore", "up-after-down-fails");
    assertThat(result.findings().get(1).message())
        .contains("relation \"users\" already exists")
        .contains("does not apply again");
  }

  @Test
  void aColumnThatComesBackInAnotherPositionIsOnlyANote() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int, name text, email text);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write("migrations/2_drop.up.sql", "ALTER TABLE users DROP COLUMN name;");
    write("migrations/2_drop.down.sql", "ALTER TABLE users ADD COLUMN name text;");

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.PASS);
    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly("column-position-changed");
    assertThat(result.findings().get(0).message()).contains("column `public.users.name`: position");
  }

  @Test
  void emptyDownsAndIrreversibleMigrationsAreCountedNotReported() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write("migrations/2_more.up.sql", "ALTER TABLE users ADD COLUMN name text;");
    write("migrations/2_more.down.sql", "-- nothing to undo\n");
    write(
        "migrations/3_enum.up.sql",
        "-- migtest:irreversible enum values cannot be removed\nCREATE TYPE mood AS ENUM ('a');");

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.PASS);
    assertThat(result.findings()).isEmpty();
    assertThat(result.summary())
        .isEqualTo(
            "1 migration checked (up, down, up again); 1 irreversible on purpose; 1 without a"
                + " down script or with an empty one (see lint)");
  }

  @Test
  void aHistoryWithoutDownScriptsIsSkipped() throws IOException {
    write("db/migrations/V1__users.sql", "CREATE TABLE users (id int);");

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.SKIP);
    assertThat(result.summary()).contains("no down scripts in this history (flyway)");
  }

  /**
   * A classic rollback bug: the up script, a down script that misses part of it, one that undoes it
   * all, and what the finding must name.
   */
  record Bug(String name, String up, String wrongDown, String rightDown, String named) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Bug> classicBugs() {
    return List.of(
        new Bug(
            "a down that forgets a sequence",
            "CREATE SEQUENCE invoice_no;\n"
                + "ALTER TABLE users ADD COLUMN invoice bigint DEFAULT nextval('invoice_no');",
            "ALTER TABLE users DROP COLUMN invoice;",
            "ALTER TABLE users DROP COLUMN invoice;\nDROP SEQUENCE invoice_no;",
            "sequence `public.invoice_no` added"),
        new Bug(
            "a down that forgets a default",
            "ALTER TABLE users ALTER COLUMN age SET DEFAULT 18;",
            "ALTER TABLE users ALTER COLUMN name DROP DEFAULT;",
            "ALTER TABLE users ALTER COLUMN age DROP DEFAULT;",
            "column `public.users.age`: default"),
        new Bug(
            "a down that drops a CHECK under another name",
            "ALTER TABLE users ADD CONSTRAINT adult CHECK (age >= 18);",
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS users_age_check;",
            "ALTER TABLE users DROP CONSTRAINT adult;",
            "constraint `public.users.adult` added"),
        new Bug(
            "a down that forgets a NOT NULL",
            "ALTER TABLE users ALTER COLUMN name SET NOT NULL;\n"
                + "CREATE INDEX users_name ON users (name);",
            "DROP INDEX users_name;",
            "DROP INDEX users_name;\nALTER TABLE users ALTER COLUMN name DROP NOT NULL;",
            "column `public.users.name`: NOT NULL added"),
        new Bug(
            "a down that restores a column with another type",
            "ALTER TABLE users ALTER COLUMN age TYPE bigint;",
            "ALTER TABLE users ALTER COLUMN age TYPE numeric;",
            "ALTER TABLE users ALTER COLUMN age TYPE integer;",
            "column `public.users.age`: type"),
        new Bug(
            "an enum value that a down cannot remove",
            "ALTER TYPE mood ADD VALUE 'sad';",
            "SELECT 'enum values cannot be removed';",
            "ALTER TYPE mood RENAME TO mood_old;\n"
                + "CREATE TYPE mood AS ENUM ('happy');\n"
                + "DROP TYPE mood_old;",
            "`public.mood`"),
        new Bug(
            "a function body changed but not restored",
            "CREATE OR REPLACE FUNCTION greet() RETURNS text LANGUAGE sql AS $$ SELECT 'hello' $$;",
            "CREATE OR REPLACE FUNCTION greet() RETURNS text LANGUAGE sql AS $$ SELECT 'hey' $$;",
            "CREATE OR REPLACE FUNCTION greet() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;",
            "function `public.greet()`"));
  }

  private void baseForBugs(Bug bug, String down) throws IOException {
    write(
        "migrations/1_base.up.sql",
        "CREATE TABLE users (id int PRIMARY KEY, name text DEFAULT '', age int);\n"
            + "CREATE TYPE mood AS ENUM ('happy');\n"
            + "CREATE FUNCTION greet() RETURNS text LANGUAGE sql AS $$ SELECT 'hi' $$;");
    write(
        "migrations/1_base.down.sql", "DROP FUNCTION greet();\nDROP TYPE mood;\nDROP TABLE users;");
    write("migrations/2_change.up.sql", bug.up());
    write("migrations/2_change.down.sql", down);
  }

  @ParameterizedTest
  @MethodSource("classicBugs")
  void aClassicRollbackBugIsFoundAndNamed(Bug bug) throws IOException {
    baseForBugs(bug, bug.wrongDown());

    GateResult result = rollback();

    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    Finding finding = result.findings().get(0);
    assertThat(finding.rule()).isEqualTo("down-does-not-restore");
    assertThat(finding.file()).isEqualTo("migrations/2_change.down.sql");
    assertThat(finding.message()).contains(bug.named());
  }

  @ParameterizedTest
  @MethodSource("classicBugs")
  void itsCorrectTwinPasses(Bug bug) throws IOException {
    baseForBugs(bug, bug.rightDown());

    GateResult result = rollback();

    assertThat(result.findings()).isEmpty();
    assertThat(result.status()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void anUpThatBuildsAnotherSchemaTheSecondTimeIsFoundAndTheNextMigrationStartsFromTheFirst()
      throws IOException {
    write("migrations/1_flags.up.sql", "CREATE TABLE flags (name text);");
    write("migrations/1_flags.down.sql", "DROP TABLE flags;");
    write(
        "migrations/2_once.up.sql",
        """
        INSERT INTO flags VALUES ('seen');
        DO $$ BEGIN
          IF (SELECT count(*) FROM flags) = 1 THEN CREATE TABLE first_time (id int);
          ELSE CREATE TABLE second_time (id int);
          END IF;
        END $$;
        """);
    write(
        "migrations/2_once.down.sql",
        "DROP TABLE IF EXISTS first_time;\nDROP TABLE IF EXISTS second_time;");
    write("migrations/3_column.up.sql", "ALTER TABLE first_time ADD COLUMN note text;");
    write("migrations/3_column.down.sql", "ALTER TABLE first_time DROP COLUMN note;");

    GateResult result = rollback();

    assertThat(result.summary()).isEqualTo("3 migrations checked (up, down, up again)");
    assertThat(result.findings()).hasSize(1);
    Finding finding = result.findings().get(0);
    assertThat(finding.rule()).isEqualTo("up-after-down-differs");
    assertThat(finding.file()).isEqualTo("migrations/2_once.up.sql");
    assertThat(finding.message())
        .contains("table `public.first_time` missing")
        .contains("table `public.second_time` added");
  }

  @Test
  void slicesCheckedOnSeveralDatabasesFindWhatOneDatabaseFinds() throws IOException {
    for (int i = 1; i <= 9; i++) {
      write(
          "migrations/" + i + "_t" + i + ".up.sql",
          "CREATE TABLE t"
              + i
              + " (id int PRIMARY KEY, name text);\nCREATE INDEX t"
              + i
              + "_name ON t"
              + i
              + " (name);");
      write(
          "migrations/" + i + "_t" + i + ".down.sql",
          i % 3 == 2 ? "DROP INDEX t" + i + "_name;" : "DROP TABLE t" + i + ";");
    }

    GateResult one = rollback(1);
    GateResult three = rollback(3);

    assertThat(one.summary()).isEqualTo("9 migrations checked (up, down, up again)");
    assertThat(three.summary())
        .isEqualTo("9 migrations checked (up, down, up again) on 3 databases at once");
    assertThat(three.findings())
        .extracting(Finding::file)
        .containsExactly(
            "migrations/2_t2.down.sql",
            "migrations/2_t2.up.sql",
            "migrations/5_t5.down.sql",
            "migrations/5_t5.up.sql",
            "migrations/8_t8.down.sql",
            "migrations/8_t8.up.sql");
    assertThat(three.findings()).isEqualTo(one.findings());
  }

  @Test
  void migrationsThatChangeRolesAreCheckedOnOneDatabaseOneAfterTheOther() throws IOException {
    write("migrations/1_role.up.sql", "CREATE ROLE migtest_rollback_reader NOLOGIN;");
    write("migrations/1_role.down.sql", "DROP ROLE migtest_rollback_reader;");
    for (int i = 2; i <= 7; i++) {
      write(
          "migrations/" + i + "_t" + i + ".up.sql",
          "CREATE TABLE t"
              + i
              + " (id int);\nGRANT SELECT ON t"
              + i
              + " TO migtest_rollback_reader;");
      write("migrations/" + i + "_t" + i + ".down.sql", "DROP TABLE t" + i + ";");
    }

    GateResult result = rollback(4);

    assertThat(result.findings()).isEmpty();
    assertThat(result.summary())
        .isEqualTo(
            "7 migrations checked (up, down, up again) one after the other on one database"
                + " (`migrations/1_role.up.sql` changes roles or tablespaces, which all databases"
                + " of the server share)");
  }

  private GateResult rollback() {
    return rollback(1);
  }

  private GateResult rollback(int cores) {
    Config config = ConfigResolver.resolve(project, null, Map.of(), Map.of());
    try (GateContext context =
        GateContext.of(
            config.gates(),
            ProjectLoader.load(config),
            DatabaseAccess.of(SharedServer.get(), config.timeouts()),
            List.of(),
            List.of(),
            null,
            Progress.SILENT)) {
      return new RollbackGate(cores).run(context);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

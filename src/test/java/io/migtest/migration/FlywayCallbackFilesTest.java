package io.migtest.migration;

import static io.migtest.migration.Files.load;
import static io.migtest.migration.Files.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway's SQL callback files, named and ordered as Flyway's SqlScriptCallbackFactory does. */
class FlywayCallbackFilesTest {
  @TempDir Path project;

  @Test
  void callbacksAreReadByEventInFlywaysOrderAndAreNotUnrecognisedFiles() {
    write(project, "db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write(project, "db/migrations/afterMigrate__views_b.sql", "SELECT 'b';");
    write(project, "db/migrations/sub/afterMigrate__views_a.sql", "SELECT 'a';");
    write(project, "db/migrations/afterMigrate.sql", "SELECT 'bare';");
    write(project, "db/migrations/afterMigrateApplied.sql", "SELECT 'applied';");
    write(project, "db/migrations/beforeClean.sql", "SELECT 'clean';");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.problems()).isEmpty();
    assertThat(h.callbacks().of(CallbackEvent.AFTER_MIGRATE))
        .extracting(SqlScript::file)
        .containsExactly(
            "db/migrations/afterMigrate.sql",
            "db/migrations/sub/afterMigrate__views_a.sql",
            "db/migrations/afterMigrate__views_b.sql");
    assertThat(h.callbacks().of(CallbackEvent.AFTER_MIGRATE_APPLIED)).hasSize(1);
    assertThat(h.callbacks().of(CallbackEvent.BEFORE_CLEAN)).hasSize(1);
    assertThat(h.callbacks().inMigrate()).hasSize(4);
  }

  @Test
  void theLongestEventIdWinsAndANameWithoutTheSeparatorIsNoCallback() {
    write(project, "db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write(project, "db/migrations/afterEachMigrateStatement.sql", "SELECT 1;");
    write(project, "db/migrations/afterEachMigrate__Statement.sql", "SELECT 2;");
    write(project, "db/migrations/aftermigrate.sql", "SELECT 3;");
    write(project, "db/migrations/afterMigrateViews.sql", "SELECT 4;");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.callbacks().of(CallbackEvent.AFTER_EACH_MIGRATE_STATEMENT)).hasSize(1);
    assertThat(h.callbacks().of(CallbackEvent.AFTER_EACH_MIGRATE)).hasSize(1);
    assertThat(h.problems())
        .extracting(Finding::rule, Finding::file)
        .containsExactly(
            tuple("unrecognised-file", "db/migrations/afterMigrateViews.sql"),
            tuple("unrecognised-file", "db/migrations/aftermigrate.sql"));
  }

  @Test
  void callbacksMigtestDoesNotRunCarryANoteAndTwoOfOneNameAreAnError() {
    write(project, "db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write(project, "db/migrations/beforeEachMigrateStatement.sql", "SELECT 1;");
    write(project, "db/migrations/afterMigrateError.sql", "SELECT 1;");
    write(project, "db/migrations/a/afterMigrate.sql", "SELECT 1;");
    write(project, "db/migrations/b/afterMigrate.sql", "SELECT 2;");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.callbacks().inMigrate())
        .filteredOn(c -> c.event().handling() != CallbackEvent.Handling.RUN)
        .flatExtracting(c -> c.script().problems())
        .extracting(Finding::rule, Finding::message)
        .containsExactlyInAnyOrder(
            tuple(
                "callback-not-run",
                "migtest does not run beforeEachMigrateStatement callbacks: Flyway runs it around"
                    + " every statement of every migration, and migtest sends a migration's"
                    + " statements together."),
            tuple(
                "callback-not-run",
                "migtest does not run afterMigrateError callbacks: Flyway runs it only after a"
                    + " failure, and migtest stops at the failure and reports it."));
    assertThat(h.problems())
        .extracting(Finding::rule, Finding::file)
        .containsExactly(tuple("duplicate-callback", "db/migrations/b/afterMigrate.sql"));
  }

  @Test
  void aCallbackRunsInATransactionUnlessItCannotOrItsConfSaysSo() {
    write(project, "db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write(project, "db/migrations/afterMigrate__a.sql", "CREATE VIEW v AS SELECT 1;");
    write(
        project, "db/migrations/afterMigrate__b.sql", "CREATE INDEX CONCURRENTLY i ON users (id);");
    write(project, "db/migrations/afterMigrate__c.sql", "ANALYZE users;");
    write(project, "db/migrations/afterMigrate__c.sql.conf", "executeInTransaction=false\n");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.callbacks().of(CallbackEvent.AFTER_MIGRATE))
        .extracting(SqlScript::transactionMode)
        .containsExactly(
            TransactionMode.SINGLE_TRANSACTION,
            TransactionMode.AUTOCOMMIT,
            TransactionMode.AUTOCOMMIT);
  }
}

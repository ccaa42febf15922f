package io.migtest.migration;

import static io.migtest.migration.Files.load;
import static io.migtest.migration.Files.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.MigtestException;
import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayoutsTest {
  @TempDir Path project;

  @Test
  void flywayOrdersVersionsNumericallyPairsUndoAndRunsRepeatablesLast() {
    write(project, "db/migrations/V10__ten.sql", "SELECT 10;");
    write(project, "db/migrations/V2__two.sql", "SELECT 2;");
    write(project, "db/migrations/sub/V1_1__one_one.sql", "SELECT 11;");
    write(project, "db/migrations/U2__two.sql", "SELECT -2;");
    write(project, "db/migrations/R__views.sql", "SELECT 'r';");
    write(project, "db/migrations/notes.sql", "SELECT 0;");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.layout().name()).isEqualTo("flyway");
    assertThat(h.migrations())
        .extracting(m -> m.version().text())
        .containsExactly("1_1", "2", "10", "R");
    assertThat(h.migrations().get(1).downFile()).isEqualTo("db/migrations/U2__two.sql");
    assertThat(h.migrations().get(1).up().transactionMode())
        .isEqualTo(TransactionMode.SINGLE_TRANSACTION);
    assertThat(h.migrations().get(3).repeatable()).isTrue();
    assertThat(h.problems()).extracting(Finding::rule).containsExactly("unrecognised-file");
  }

  @Test
  void gapsInAHistoryAreNotAProblemOfTheHistoryItself() {
    write(project, "db/migrations/V1__a.sql", "SELECT 1;");
    write(project, "db/migrations/V2__b.sql", "SELECT 2;");
    write(project, "db/migrations/V4__d.sql", "SELECT 4;");
    assertThat(load(project, "db/migrations").problems()).isEmpty();
  }

  @Test
  void flywayRunsConcurrentIndexesOutsideATransactionAndWarnsWhenMixed() {
    write(project, "db/migrations/V1__idx.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
    write(
        project,
        "db/migrations/V2__mixed.sql",
        "CREATE TABLE u (a int);\nCREATE INDEX CONCURRENTLY j ON u (a);");
    write(project, "db/migrations/V3__conf.sql", "VACUUM;");
    write(project, "db/migrations/V3__conf.sql.conf", "executeInTransaction=false\n");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.migrations())
        .extracting(m -> m.up().transactionMode())
        .containsOnly(TransactionMode.AUTOCOMMIT);
    assertThat(h.migrations().get(1).up().problems())
        .extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("mixed-transaction", 2));
  }

  @Test
  void golangMigratePairsUpAndDownAndSendsEachFileAsOneQuery() {
    write(project, "migrations/000002_add_email.up.sql", "ALTER TABLE u ADD email text;");
    write(project, "migrations/000002_add_email.down.sql", "ALTER TABLE u DROP email;");
    write(project, "migrations/000001_init.up.sql", "CREATE TABLE u (id int);");
    MigrationHistory h = load(project, "migrations");
    assertThat(h.layout().name()).isEqualTo("golang-migrate");
    assertThat(h.migrations())
        .extracting(Migration::description)
        .containsExactly("init", "add email");
    assertThat(h.migrations().get(1).downFile()).isEqualTo("migrations/000002_add_email.down.sql");
    assertThat(h.migrations().get(0).up().transactionMode())
        .isEqualTo(TransactionMode.MULTI_STATEMENT_QUERY);
  }

  @Test
  void dbmateReadsSectionsWithTheirFileLinesAndTransactionOption() {
    write(
        project,
        "db/migrations/20240101000000_users.sql",
        "-- migrate:up\nCREATE TABLE u (id int);\n\n-- migrate:down\nDROP TABLE u;\n");
    write(
        project,
        "db/migrations/20240102000000_idx.sql",
        "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON u (id);\n-- migrate:down\nDROP INDEX i;\n");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.layout().name()).isEqualTo("dbmate");
    Migration users = h.migrations().get(0);
    assertThat(users.up().split().statements().get(0).startLine()).isEqualTo(2);
    assertThat(users.down().split().statements().get(0).startLine()).isEqualTo(5);
    assertThat(users.up().transactionMode()).isEqualTo(TransactionMode.SINGLE_TRANSACTION);
    assertThat(h.migrations().get(1).up().transactionMode())
        .isEqualTo(TransactionMode.MULTI_STATEMENT_QUERY);
  }

  @Test
  void dbmateWithoutUpMarkerIsAnError() {
    write(project, "db/migrations/20240101000000_a.sql", "-- migrate:down\nDROP TABLE a;\n");
    write(project, "db/migrations/20240102000000_b.sql", "-- migrate:up\nSELECT 1;\n");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.migrations().get(0).up().problems())
        .extracting(Finding::rule)
        .containsExactly("missing-up");
  }

  /** Files dbmate refuses before running any of them (pkg/dbmate/migration.go). */
  @Test
  void dbmateFilesTheToolRefusesAreErrorsNotPartlyRun() {
    write(project, "db/migrations/1_no_down.sql", "-- migrate:up\nCREATE TABLE a (id int);\n");
    write(
        project,
        "db/migrations/2_before.sql",
        "-- a comment is fine\nALTER TABLE a ADD COLUMN early text;\n-- migrate:up\nSELECT 1;\n"
            + "-- migrate:down\n");
    write(
        project,
        "db/migrations/3_order.sql",
        "-- migrate:down\nSELECT 1;\n-- migrate:up\nSELECT 2;\n");
    write(
        project,
        "db/migrations/4_pairs.sql",
        "-- migrate:up\nSELECT 1;\n-- migrate:down\nSELECT 2;\n-- migrate:up\nSELECT 3;\n"
            + "-- migrate:down\nSELECT 4;\n");
    write(
        project,
        "db/migrations/5_fine.sql",
        "-- comment\n\n-- migrate:up\nSELECT 1;\n-- migrate:down\n");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(h.migrations())
        .extracting(
            m ->
                m.up().problems().stream()
                    .map(f -> f.rule() + " " + f.message().split(":")[0])
                    .toList())
        .containsExactly(
            List.of("migration-file-refused No `-- migrate"),
            List.of("migration-file-refused SQL before `-- migrate"),
            List.of("migration-file-refused `-- migrate"),
            List.of("migration-file-refused More than one `-- migrate"),
            List.of());
  }

  @Test
  void aLiquibaseChangesetDefinedTwiceInAFileIsADuplicate() {
    write(
        project,
        "db/changelog/001_init.sql",
        "--liquibase formatted sql\n\n--changeset dave:10\nCREATE TABLE a (id int);\n\n"
            + "--changeset dave:10\nCREATE TABLE b (id int);\n");
    write(
        project,
        "db/changelog/002_more.sql",
        "--liquibase formatted sql\n\n--changeset dave:10\nCREATE TABLE c (id int);\n");
    write(project, "db/changelog/003_notes.sql", "-- notes, not a changelog\nSELECT 1;\n");
    MigrationHistory h = load(project, "db/changelog");
    assertThat(h.problems())
        .filteredOn(f -> f.rule().equals("unrecognised-file"))
        .singleElement()
        .satisfies(
            f -> assertThat(f.message()).startsWith("No `--liquibase formatted sql` line starts"));
    assertThat(h.problems())
        .filteredOn(f -> !f.rule().equals("unrecognised-file"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("duplicate-version");
              assertThat(f.file()).isEqualTo("db/changelog/001_init.sql");
              assertThat(f.line()).isEqualTo(6);
              assertThat(f.message()).contains("dave:10 is defined twice").contains("line 3");
            });
  }

  @Test
  void directoryLayoutReadsDieselFoldersAndMetadata() {
    write(project, "migrations/2024-01-02-000000_posts/up.sql", "CREATE TABLE p (id int);");
    write(project, "migrations/2024-01-02-000000_posts/down.sql", "DROP TABLE p;");
    write(
        project,
        "migrations/2024-01-03-000000_idx/up.sql",
        "CREATE INDEX CONCURRENTLY i ON p (id);");
    write(
        project, "migrations/2024-01-03-000000_idx/metadata.toml", "run_in_transaction = false\n");
    MigrationHistory h = load(project, "migrations");
    assertThat(h.layout().name()).isEqualTo("directory");
    assertThat(h.migrations()).extracting(Migration::description).containsExactly("posts", "idx");
    assertThat(h.migrations().get(0).up().transactionMode())
        .isEqualTo(TransactionMode.SINGLE_TRANSACTION);
    assertThat(h.migrations().get(1).up().transactionMode())
        .isEqualTo(TransactionMode.MULTI_STATEMENT_QUERY);
    assertThat(h.migrations().get(1).down()).isNull();
  }

  @Test
  void sqitchFollowsThePlanIncludingReworkedChanges() {
    write(
        project,
        "sqitch.plan",
        "%syntax-version=1.0.0\n%project=app\n\n"
            + "schema 2024-01-01T00:00:00Z A <a@x> # schema\n"
            + "users [schema] 2024-01-02T00:00:00Z A <a@x> # users\n"
            + "@v1 2024-01-03T00:00:00Z A <a@x> # tag\n"
            + "users [users@v1] 2024-01-04T00:00:00Z A <a@x> # rework\n");
    write(project, "deploy/schema.sql", "BEGIN; CREATE SCHEMA app; COMMIT;");
    write(project, "revert/schema.sql", "DROP SCHEMA app;");
    write(project, "deploy/users@v1.sql", "CREATE TABLE app.users (id int);");
    write(project, "deploy/users.sql", "ALTER TABLE app.users ADD name text;");
    MigrationHistory h = load(project, ".");
    assertThat(h.layout().name()).isEqualTo("sqitch");
    assertThat(h.migrations())
        .extracting(Migration::file)
        .containsExactly("deploy/schema.sql", "deploy/users@v1.sql", "deploy/users.sql");
    assertThat(h.migrations().get(0).up().transactionMode()).isEqualTo(TransactionMode.AUTOCOMMIT);
  }

  @Test
  void sqitchPlanNamingAMissingScriptIsAnError() {
    write(project, "sqitch.plan", "%project=app\nghost 2024-01-01T00:00:00Z A <a@x>\n");
    MigrationHistory h = load(project, ".");
    assertThat(h.problems())
        .extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("missing-script", 2));
  }

  @Test
  void liquibaseSplitsChangesetsWithRollbacksAndAttributes() {
    write(
        project,
        "db/changelog/001_init.sql",
        "--liquibase formatted sql\n\n"
            + "--changeset alice:1\nCREATE TABLE a (id int);\n--rollback DROP TABLE a;\n\n"
            + "--changeset bob:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON a (id);\n"
            + "/* liquibase rollback\nDROP INDEX CONCURRENTLY i;\n*/\n");
    write(
        project,
        "db/changelog/db.changelog-master.yaml",
        "databaseChangeLog:\n  - include:\n      file: 001_init.sql\n");
    MigrationHistory h = load(project, "db/changelog");
    assertThat(h.layout().name()).isEqualTo("liquibase-sql");
    assertThat(h.migrations()).extracting(Migration::id).containsExactly("alice:1", "bob:2");
    assertThat(h.problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.file()).isEqualTo("db/changelog/db.changelog-master.yaml");
              assertThat(f.message()).contains("not in the order this file's includes give");
            });
    assertThat(h.migrations().get(0).down().text()).isEqualTo("DROP TABLE a;");
    assertThat(h.migrations().get(0).up().split().statements().get(0).startLine()).isEqualTo(4);
    assertThat(h.migrations().get(1).up().transactionMode()).isEqualTo(TransactionMode.AUTOCOMMIT);
    assertThat(h.migrations().get(1).down().text()).isEqualTo("DROP INDEX CONCURRENTLY i;");
    assertThat(h.migrations().get(1).up().split().statements()).hasSize(1);
  }

  @Test
  void plainOrdersFilesNaturally() {
    write(project, "sql/10_late.sql", "SELECT 10;");
    write(project, "sql/2_early.sql", "SELECT 2;");
    MigrationHistory h = load(project, "sql");
    assertThat(h.layout().name()).isEqualTo("plain");
    assertThat(h.migrations())
        .extracting(Migration::description)
        .containsExactly("2_early", "10_late");
  }

  @Test
  void duplicateVersionsAreAnErrorNamingBothFiles() {
    write(project, "db/migrations/V1__a.sql", "SELECT 1;");
    write(project, "db/migrations/V1__b.sql", "SELECT 2;");
    MigrationHistory h = load(project, "db/migrations");
    Finding duplicate =
        h.problems().stream()
            .filter(f -> f.rule().equals("duplicate-version"))
            .findFirst()
            .orElseThrow();
    assertThat(duplicate.message()).contains("V1__a.sql").contains("V1__b.sql");
  }

  @Test
  void aFolderWithoutMigrationsIsAUsageError() {
    write(project, "db/migrations/README.md", "nothing here");
    assertThatThrownBy(() -> load(project, "db/migrations"))
        .isInstanceOf(MigtestException.class)
        .hasMessageContaining("No migrations found in db/migrations");
  }

  @Test
  void scaffoldsTheNextMigrationInEachLayout() {
    write(project, "db/migrations/V009__a.sql", "SELECT 1;");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(new FlywayLayout().scaffold("Add orders index", h, java.time.Instant.EPOCH))
        .extracting(NewMigrationFile::relativePath)
        .containsExactly("V010__add_orders_index.sql", "U010__add_orders_index.sql");
    MigrationHistory empty =
        new MigrationHistory(new DbmateLayout(), "db", java.util.List.of(), java.util.List.of());
    assertThat(new DbmateLayout().scaffold("Café crème", empty, java.time.Instant.EPOCH))
        .extracting(NewMigrationFile::relativePath)
        .containsExactly("19700101000000_cafe_creme.sql");
  }

  /** Two `migtest new` in one second (or one a clock behind) must not share a version. */
  @Test
  void aNewTimestampVersionComesAfterTheLatestOneEvenWithinTheSameSecond() {
    java.time.Instant now = java.time.Instant.parse("2026-11-30T14:06:56.500Z");
    write(project, "db/migrations/20261130140656_add_users.up.sql", "SELECT 1;");
    write(project, "db/migrations/20261130140656_add_users.down.sql", "SELECT 1;");
    MigrationHistory h = load(project, "db/migrations");
    assertThat(new GolangMigrateLayout().scaffold("add orders", h, now))
        .extracting(NewMigrationFile::relativePath)
        .first()
        .isEqualTo("20261130140657_add_orders.up.sql");
    assertThat(new GolangMigrateLayout().scaffold("later", h, now.plusSeconds(60)))
        .extracting(NewMigrationFile::relativePath)
        .first()
        .isEqualTo("20261130140756_later.up.sql");

    Path diesel = project.resolve("diesel");
    write(diesel, "migrations/2026-11-30-140656_users/up.sql", "SELECT 1;");
    write(diesel, "migrations/2026-11-30-140656_users/down.sql", "SELECT 1;");
    assertThat(new DirectoryLayout().scaffold("orders", load(diesel, "migrations"), now))
        .extracting(NewMigrationFile::relativePath)
        .first()
        .isEqualTo("2026-11-30-140657_orders/up.sql");
  }

  @Test
  void aSqitchChangeReworkedAfterTwoTagsUsesTheScriptOfTheNewestTagThatHasOne() {
    Path fixture = Path.of("src/test/resources/fidelity/sqitch-rework-after-two-tags");
    MigrationHistory h = load(fixture, ".");
    assertThat(h.problems()).isEmpty();
    assertThat(h.migrations())
        .extracting(Migration::file, Migration::downFile)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("deploy/users@v2.sql", "revert/users@v2.sql"),
            org.assertj.core.groups.Tuple.tuple("deploy/orders.sql", "revert/orders.sql"),
            org.assertj.core.groups.Tuple.tuple("deploy/users.sql", "revert/users.sql"));
    // `sqitch verify` passes over the reworked change; `deploy --verify` would verify each.
    assertThat(h.verifyTests()).extracting(SqlScript::file).containsExactly("verify/users.sql");
    assertThat(h.migrations()).extracting(Migration::verify).containsOnlyNulls();
  }

  @Test
  void anEmptyDieselUpSqlIsRefusedAsDieselRefusesItButACommentIsNot() {
    MigrationHistory h = load(Path.of("src/test/resources/fidelity/diesel-empty-up"), "migrations");
    assertThat(h.migrations()).hasSize(3);
    assertThat(h.migrations().get(1).up().problems())
        .extracting(Finding::rule)
        .containsExactly("empty-migration");
    assertThat(h.migrations().get(0).up().problems()).isEmpty();
    assertThat(h.migrations().get(2).up().problems()).isEmpty();
  }

  @Test
  void dieselVersionsAreTheFolderNamesWithoutDashesComparedAsText() {
    MigrationHistory h = load(Path.of("src/test/resources/fidelity/diesel-versions"), "migrations");
    assertThat(h.problems()).isEmpty();
    assertThat(h.migrations())
        .extracting(Migration::description)
        .containsExactly("create users", "add email", "add index", "add orders");
  }

  @Test
  void dbmateVersionsAreTheLeadingDigitsAsTextAndFilesApplyInNameOrder() {
    MigrationHistory h =
        load(Path.of("src/test/resources/fidelity/dbmate-versions"), "db/migrations");
    assertThat(h.problems()).isEmpty();
    assertThat(h.migrations())
        .extracting(Migration::id)
        .containsExactly("001", "10", "1", "20260101120000");
  }

  @Test
  void golangMigrateVersionsAreUnsignedNumbersAndOneTooLargeIsSkippedAsTheToolSkipsIt() {
    MigrationHistory h =
        load(Path.of("src/test/resources/fidelity/golang-migrate-versions"), "migrations");
    assertThat(h.migrations()).extracting(Migration::id).containsExactlyInAnyOrder("1", "01", "2");
    assertThat(h.migrations().get(2).id()).isEqualTo("2");
    assertThat(h.problems())
        .extracting(Finding::rule, Finding::file)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "unrecognised-file", "migrations/18446744073709551616_too_big.up.sql"));
    assertThat(h.problems())
        .filteredOn(f -> f.rule().equals("duplicate-version"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("migrations/1_create_a.up.sql", "migrations/01_add_b.up.sql"));
  }
}

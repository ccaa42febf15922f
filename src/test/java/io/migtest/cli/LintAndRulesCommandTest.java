package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RulePages;
import io.migtest.lint.rules.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code migtest rules} and {@code migtest lint} as a user runs them. */
class LintAndRulesCommandTest {
  @TempDir Path dir;

  @Test
  void rulesListsEveryRuleWithItsSeverityAndPrintsAPage() {
    CliRun list = CliRun.of("rules");
    assertThat(list.exitCode()).isZero();
    Rules.ALL.forEach(
        rule ->
            assertThat(list.out())
                .containsPattern("(?m)^" + rule.id() + "\\s+" + rule.severity().id() + "\\s+\\S"));
    CliRun page = CliRun.of("rules", "create-index-not-concurrent");
    assertThat(page.exitCode()).isZero();
    assertThat(page.out())
        .isEqualTo(RulePages.of("create-index-not-concurrent").orElseThrow())
        .contains("## The safe way");
    assertThat(CliRun.of("rules", "Create-Index-Not-Concurrent").out())
        .as("ids are matched as `migtest mutants` matches its own")
        .isEqualTo(page.out());
  }

  @Test
  void anUnknownRuleIsAUsageError() {
    CliRun run = CliRun.of("rules", "../../etc/passwd");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("`migtest rules` lists");
  }

  @Test
  void lintRunsTheRulesOnTheFilesWithoutStartingADatabase() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(
        migrations.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint, c bigint);\n");
    Files.writeString(
        migrations.resolve("V2__index.sql"), "CREATE INDEX orders_c_idx ON orders (c);\n");
    Files.writeString(migrations.resolve("V3__drop.sql"), "REINDEX INDEX CONCURRENTLY y;\n");
    CliRun run =
        CliRun.of("lint", dir.toString(), "--report-dir", dir.resolve("report").toString());
    assertThat(run.err()).doesNotContain("database:");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("lint         FAIL")
        .contains("(files only, no database)")
        .contains("V3__drop.sql:1 [concurrently-in-transaction]")
        .doesNotContain("create-index-not-concurrent")
        .contains("apply        SKIP");
  }

  @Test
  void migtestYmlSetsARulesSeverityOrSwitchesItOffAndNamesAnUnknownRulesLine() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(migrations.resolve("V1__x.sql"), "REINDEX INDEX CONCURRENTLY y;\n");
    Path report = dir.resolve("report");
    Files.writeString(
        dir.resolve("migtest.yml"), "lint:\n  rules:\n    concurrently-in-transaction: warning\n");
    CliRun warned = CliRun.of("lint", dir.toString(), "--report-dir", report.toString());
    assertThat(warned.exitCode()).as(warned.all()).isZero();
    assertThat(warned.out())
        .contains("lint         WARN")
        .contains("warning db/migration/V1__x.sql:1");
    Files.writeString(
        dir.resolve("migtest.yml"), "lint:\n  rules:\n    concurrently-in-transaction: off\n");
    assertThat(CliRun.of("lint", dir.toString(), "--report-dir", report.toString()).out())
        .contains("lint         PASS");
    Files.writeString(
        dir.resolve("migtest.yml"), "lint:\n  rules:\n    concurently-in-transaction: off\n");
    CliRun unknown = CliRun.of("lint", dir.toString(), "--report-dir", report.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .contains("migtest.yml line 3: lint.rules.concurently-in-transaction names no rule");
    Files.writeString(
        dir.resolve("migtest.yml"), "lint:\n  rules:\n    concurrently-in-transaction: loud\n");
    assertThat(CliRun.of("lint", dir.toString(), "--report-dir", report.toString()).err())
        .contains("is `loud`; use one of off, error, warning, info");
  }

  @Test
  void lintGivenADatabaseBuildsTheBaseStateThereAndReadsItsCatalog() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migration"));
    Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
    CliRun run =
        CliRun.of(
            "lint",
            dir.toString(),
            "--database-url",
            io.migtest.db.SharedServer.url(),
            "--report-dir",
            dir.resolve("report").toString());
    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.err()).contains("database:");
    assertThat(run.out()).contains("lint         PASS").doesNotContain("files only");
  }

  /** dbmate stops at such a file; lint, which runs on every push, says so before any database. */
  @Test
  void lintFailsOnAMigrationFileTheToolWouldRefuse() throws IOException {
    Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(
        migrations.resolve("20240101000000_a.sql"), "-- migrate:down\nDROP TABLE a;\n");
    Files.writeString(
        migrations.resolve("20240102000000_b.sql"), "-- migrate:up\nCREATE TABLE b (id int);\n");

    CliRun run = CliRun.of("lint", dir.toString(), "--report-dir", dir.resolve("out").toString());

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("[missing-up]").contains("[migration-file-refused]");
  }
}

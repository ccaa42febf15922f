package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DropOrRenameTypeTest {
  private final DropOrRenameType rule = new DropOrRenameType();

  @Test
  void droppingRenamingOrMovingATypeOrDomainIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE SCHEMA archive; CREATE TYPE order_status AS ENUM ('new');"
                    + " CREATE DOMAIN email AS text; CREATE TYPE point2 AS (x int, y int)",
                "ALTER TYPE order_status RENAME TO status;\n"
                    + "ALTER DOMAIN email SET SCHEMA archive;\n"
                    + "DROP TYPE IF EXISTS point2 CASCADE;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("drop-or-rename-type");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("Renaming type order_status to status")
                  .contains("'...'::order_status");
            },
            f -> assertThat(f.message()).contains("Moving domain email to schema archive"),
            f -> assertThat(f.message()).contains("type point2 with CASCADE also drops"));
  }

  @Test
  void typesThePullRequestCreatesValueChangesAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE TYPE mood AS ENUM ('ok');\n"
                    + "ALTER TYPE mood RENAME TO feeling;\n"
                    + "CREATE DOMAIN code AS text;\n"
                    + "DROP DOMAIN code;\n"
                    + "ALTER TYPE order_status ADD VALUE 'x';\n"
                    + "ALTER TYPE order_status RENAME VALUE 'new' TO 'fresh';"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "DROP TYPE IF EXISTS order_status;")).isEmpty();
  }

  @Test
  void withoutADatabaseATypeThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "DROP TYPE order_status;"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("Dropping type order_status breaks")
                    .contains("No database: assumed to exist"));
  }

  @Test
  void withADatabaseATypeTheBaseDoesNotHaveIsNotReported() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (id int)",
                "DROP TYPE IF EXISTS mood;\nDROP DOMAIN IF EXISTS code;"))
        .isEmpty();
  }

  @Test
  void aTypeCreatedInsideADoBlockIsThePullRequestsOwn() {
    assertThat(
            RuleTester.lint(
                rule,
                "DO $$ BEGIN CREATE TYPE mood AS ENUM ('a', 'b');"
                    + " EXCEPTION WHEN duplicate_object THEN null; END $$;\n"
                    + "DO LANGUAGE plpgsql $body$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_type"
                    + " WHERE typname = 'level') THEN\n    CREATE TYPE level AS ENUM ('x');\n"
                    + "  END IF;\nEND\n$body$;\n"
                    + "DROP TYPE IF EXISTS mood;\n"
                    + "ALTER TYPE level RENAME TO grade;"))
        .isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "DO $$ BEGIN EXECUTE 'CREATE TYPE mood AS ENUM (''a'')'; END $$;\n"
                    + "DROP TYPE mood;"))
        .as("text an EXECUTE runs stays unread")
        .hasSize(1);
  }
}

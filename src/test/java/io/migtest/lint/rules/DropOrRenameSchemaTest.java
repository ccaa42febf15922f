package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class DropOrRenameSchemaTest {
  private final DropOrRenameSchema rule = new DropOrRenameSchema();

  @Test
  void droppingOrRenamingASchemaOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE SCHEMA billing; CREATE TABLE billing.invoices (id int); CREATE SCHEMA old",
                "ALTER SCHEMA billing RENAME TO invoicing;\nDROP SCHEMA IF EXISTS old CASCADE;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("drop-or-rename-schema");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("Renaming schema billing to invoicing")
                  .doesNotContain("No database");
            },
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("schema old with CASCADE deletes every table");
            });
  }

  @Test
  void withADatabaseASchemaTheBaseDoesNotHaveIsNotReported() {
    assertThat(
            RuleTester.lintOnBase(rule, "CREATE TABLE t (id int)", "DROP SCHEMA IF EXISTS legacy;"))
        .isEmpty();
  }

  @Test
  void schemasThePullRequestCreatesAndDownScriptsAreFine() {
    assertThat(RuleTester.lint(rule, "CREATE SCHEMA scratch;\nDROP SCHEMA scratch;")).isEmpty();
    assertThat(RuleTester.lintDown(rule, "DROP SCHEMA billing CASCADE;")).isEmpty();
  }

  @Test
  void withoutADatabaseASchemaIsAssumedToExistAndDropDatabaseIsAlwaysFound() {
    assertThat(
            RuleTester.lint(
                rule, "DROP SCHEMA legacy;\nDROP DATABASE legacy;", TransactionMode.AUTOCOMMIT))
        .satisfiesExactly(
            f -> assertThat(f.message()).contains("fails while anything is left in it"),
            f -> assertThat(f.message()).contains("DROP DATABASE legacy deletes a whole database"));
  }
}

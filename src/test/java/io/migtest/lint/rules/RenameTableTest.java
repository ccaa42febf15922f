package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class RenameTableTest {
  private final RenameTable rule = new RenameTable();

  @Test
  void renamingOrMovingATableOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE SCHEMA archive; CREATE TABLE users (id int); CREATE TABLE events (id int)",
                "ALTER TABLE users RENAME TO accounts;\nALTER TABLE events SET SCHEMA archive;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("rename-table");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("Renaming users to accounts")
                  .contains("CREATE VIEW users AS SELECT * FROM accounts");
            },
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("Moving events to schema archive");
            });
  }

  @Test
  void aViewUnderTheOldNameInTheSameTransactionKeepsOldCodeWorking() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int)",
                "ALTER TABLE users RENAME TO accounts;\n"
                    + "CREATE VIEW users AS SELECT * FROM accounts;"))
        .isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nALTER TABLE users RENAME TO accounts;\n"
                    + "CREATE OR REPLACE VIEW users AS SELECT * FROM public.accounts;\nCOMMIT;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void aViewInALaterTransactionLeavesAGap() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE users RENAME TO accounts;\n"
                    + "CREATE VIEW users AS SELECT * FROM accounts;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("another transaction")
                    .contains("No database: assumed to exist"));
  }

  @Test
  void tablesThePullRequestCreatesOtherActionsAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int)",
                "CREATE TABLE t (a int);\n"
                    + "ALTER TABLE t RENAME TO u;\n"
                    + "ALTER TABLE users RENAME COLUMN id TO user_id;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE accounts RENAME TO users;")).isEmpty();
  }
}

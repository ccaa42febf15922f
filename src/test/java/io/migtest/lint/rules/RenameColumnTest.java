package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class RenameColumnTest {
  private final RenameColumn rule = new RenameColumn();

  @Test
  void renamingAColumnOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int, name text)",
                "SELECT 1;\nALTER TABLE users RENAME COLUMN name TO full_name;"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("rename-column");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message())
                  .contains("users.name to full_name")
                  .doesNotContain("No database");
            });
  }

  @Test
  void newColumnsNewTablesConstraintsTableRenamesAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int, CONSTRAINT id_pos CHECK (id > 0))",
                "ALTER TABLE users ADD COLUMN tmp int;\n"
                    + "ALTER TABLE users RENAME COLUMN tmp TO kept;\n"
                    + "ALTER TABLE users RENAME CONSTRAINT id_pos TO id_positive;\n"
                    + "CREATE TABLE staging (a int);\n"
                    + "ALTER TABLE staging RENAME a TO b;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE users RENAME COLUMN full_name TO name;"))
        .isEmpty();
  }

  @Test
  void withoutADatabaseAColumnThePullRequestDoesNotAddIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE IF EXISTS ONLY users RENAME name TO full_name;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No database: assumed to exist"));
  }
}

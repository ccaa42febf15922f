package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class TruncateExistingTableTest {
  private final TruncateExistingTable rule = new TruncateExistingTable();

  @Test
  void truncatingATableOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE sessions (id int); CREATE TABLE tokens (id int)",
                "TRUNCATE sessions CASCADE;\nTRUNCATE TABLE ONLY tokens RESTART IDENTITY;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("truncate-existing-table");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("every row of sessions")
                  .contains("CASCADE also empties")
                  .doesNotContain("No database");
            },
            f -> assertThat(f.message()).contains("every row of tokens").doesNotContain("CASCADE"));
  }

  @Test
  void tablesThePullRequestCreatesAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule, "CREATE TABLE kept (id int)", "CREATE TABLE stage (a int);\nTRUNCATE stage;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "TRUNCATE sessions;")).isEmpty();
  }

  @Test
  void withoutADatabaseATableThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "TRUNCATE sessions, \"Audit\";"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("sessions, Audit")
                    .contains("No database: assumed to exist"));
  }
}

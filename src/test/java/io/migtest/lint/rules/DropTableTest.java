package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Severity;
import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DropTableTest {
  private final DropTable rule = new DropTable();

  @Test
  void droppingTablesOfTheBaseStateIsFoundOncePerStatement() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE audit_log (id int); CREATE TABLE sessions (id int)",
                "CREATE TABLE fresh (a int);\n"
                    + "DROP TABLE IF EXISTS audit_log, fresh, public.sessions CASCADE;"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("drop-table");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message())
                  .contains("Dropping audit_log, public.sessions deletes their rows")
                  .contains("CASCADE")
                  .doesNotContain("fresh");
            });
  }

  @Test
  void tablesThePullRequestCreatesOrTheBaseStateLacksAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE kept (id int)",
                "CREATE TABLE tmp_x (a int);\n"
                    + "DROP TABLE tmp_x;\n"
                    + "CREATE TEMP TABLE scratch (a int);\n"
                    + "DROP TABLE scratch;\n"
                    + "DROP TABLE IF EXISTS never_there;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "DROP TABLE audit_log;")).isEmpty();
  }

  @Test
  void withoutADatabaseATableThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "DROP TABLE audit_log;"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("audit_log deletes its rows")
                    .contains("No database: assumed to exist"));
  }

  /** Vaultwarden's migrations drop a table IF EXISTS before creating it. */
  @Test
  void withoutADatabaseADropIfExistsIsAWarningOnlyAndWithOneTheBaseDecides() {
    String sql = "DROP TABLE IF EXISTS archives;\nCREATE TABLE archives (id int);";
    assertThat(RuleTester.lint(rule, sql))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
    assertThat(RuleTester.lintOnBase(rule, "CREATE TABLE t (id int)", sql)).isEmpty();
    assertThat(RuleTester.lintOnBase(rule, "CREATE TABLE archives (id int)", sql))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
    assertThat(RuleTester.lint(rule, "DROP TABLE archives;"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
  }
}

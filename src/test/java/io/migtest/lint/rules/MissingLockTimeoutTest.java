package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class MissingLockTimeoutTest {
  private final MissingLockTimeout rule = new MissingLockTimeout();

  @Test
  void theFirstAccessExclusiveLockWithoutATimeoutIsFoundOncePerScript() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int); CREATE TABLE u (a int)",
                "CREATE INDEX CONCURRENTLY i ON t (a);\n"
                    + "ALTER TABLE t ADD COLUMN b int;\n"
                    + "ALTER TABLE u ADD COLUMN b int;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(2));
  }

  @Test
  void aTimeoutSetBeforeOrOnlyNewTablesNeedNothing() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int)",
                "SET lock_timeout TO '3s';\nALTER TABLE t ADD COLUMN b int;"))
        .isEmpty();
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int)",
                "SELECT set_config('lock_timeout', '2s', false);\nDROP TABLE t;"))
        .isEmpty();
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int)",
                "CREATE TABLE n (a int);\nALTER TABLE n ADD b int;"))
        .isEmpty();
  }

  @Test
  void aZeroTimeoutOrALocalOneOutsideATransactionDoesNotCount() {
    assertThat(
            RuleTester.lintOnBase(
                rule, "CREATE TABLE t (a int)", "SET lock_timeout = 0;\nDROP TABLE t;"))
        .hasSize(1);
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int)",
                "SET LOCAL lock_timeout = '1s';\nDROP TABLE t;",
                TransactionMode.AUTOCOMMIT))
        .hasSize(1);
  }

  @Test
  void droppingAnIndexLocksItsTable() {
    assertThat(
            RuleTester.lintOnBase(
                rule, "CREATE TABLE t (a int); CREATE INDEX t_a ON t (a)", "DROP INDEX t_a;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("lock on the table of index t_a"));
  }
}

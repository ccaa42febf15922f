package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Severity;
import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class MissingIfExistsTest {
  private final MissingIfExists rule = new MissingIfExists();

  @Test
  void unguardedStatementsOfAScriptOutsideATransactionAreNotes() {
    assertThat(
            RuleTester.lint(
                rule,
                "DROP INDEX CONCURRENTLY old_idx;\n"
                    + "CREATE TABLE t (a int);\n"
                    + "ALTER TABLE t ADD COLUMN b int, DROP COLUMN a;\n"
                    + "ALTER TABLE t ADD COLUMN IF NOT EXISTS c int, DROP CONSTRAINT k;\n"
                    + "DROP MATERIALIZED VIEW mv;\n"
                    + "CREATE UNLOGGED TABLE IF NOT EXISTS u (a int);\n"
                    + "CREATE SCHEMA s;",
                TransactionMode.AUTOCOMMIT))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .containsExactly(
            "1 DROP INDEX without IF EXISTS",
            "2 CREATE TABLE without IF NOT EXISTS",
            "3 ALTER TABLE t ADD COLUMN without IF NOT EXISTS",
            "4 ALTER TABLE t DROP CONSTRAINT without IF EXISTS",
            "5 DROP MATERIALIZED VIEW without IF EXISTS",
            "7 CREATE SCHEMA without IF NOT EXISTS");
    assertThat(RuleTester.lint(rule, "DROP TABLE t;", TransactionMode.AUTOCOMMIT).get(0).severity())
        .isEqualTo(Severity.INFO);
  }

  @Test
  void aConcurrentIndexNeedsANameIfNotExistsAndADropBeforeIt() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE INDEX CONCURRENTLY ON t (a);\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);\n"
                    + "CREATE UNIQUE INDEX CONCURRENTLY j ON t (a);\n"
                    + "DROP INDEX CONCURRENTLY IF EXISTS k;\n"
                    + "CREATE INDEX CONCURRENTLY IF NOT EXISTS k ON t (a);",
                TransactionMode.AUTOCOMMIT))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .satisfiesExactly(
            m -> assertThat(m).startsWith("1 CREATE INDEX CONCURRENTLY without a name"),
            m ->
                assertThat(m)
                    .startsWith(
                        "2 CREATE INDEX CONCURRENTLY i with no DROP INDEX CONCURRENTLY IF EXISTS i"
                            + " before it"),
            m ->
                assertThat(m)
                    .startsWith(
                        "3 CREATE INDEX CONCURRENTLY j without IF NOT EXISTS, and with no DROP"));
  }

  @Test
  void transactionalScriptsExplicitTransactionsAndDownScriptsAreFine() {
    assertThat(RuleTester.lint(rule, "DROP TABLE t;\nCREATE TABLE u (a int);")).isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nDROP TABLE t;\nCOMMIT;\nDROP INDEX CONCURRENTLY IF EXISTS i;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "DROP TABLE t;")).isEmpty();
  }

  @Test
  void aLoneConcurrentBuildSentAsOneQueryCannotHaveItsDropInTheSameFile() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a);",
                TransactionMode.MULTI_STATEMENT_QUERY))
        .isEmpty();
  }
}

package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NonTransactionalStatementsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX CONCURRENTLY i ON t (a)",
        "create unique index concurrently if not exists i on t (a)",
        "DROP INDEX CONCURRENTLY IF EXISTS i",
        "REINDEX SCHEMA app",
        "VACUUM ANALYZE t",
        "ALTER SYSTEM SET work_mem = '64MB'",
        "CREATE DATABASE other",
        "/* why */ CREATE INDEX\n  CONCURRENTLY i ON t (a)",
        "/* outer /* inner */ still a comment */ CREATE INDEX CONCURRENTLY i ON t (a)",
        "-- comment\nVACUUM"
      })
  void recognisesStatementsThatCannotRunInATransaction(String sql) {
    assertThat(NonTransactionalStatements.matches(new Statement(sql, 1, 1))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "CREATE INDEX i ON t (a)",
        "CREATE TABLE concurrently (id int)",
        "REINDEX INDEX CONCURRENTLY i",
        "ANALYZE t",
        "ALTER TYPE mood ADD VALUE 'meh'"
      })
  void leavesOrdinaryStatementsInTheTransaction(String sql) {
    assertThat(NonTransactionalStatements.matches(new Statement(sql, 1, 1))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CREATE INDEX CONCURRENTLY i ON t (a)|CREATE INDEX  i ON t (a)",
        "create unique index concurrently if not exists i on t (a)|create unique index  if not exists i on t (a)",
        "DROP INDEX CONCURRENTLY IF EXISTS i|DROP INDEX  IF EXISTS i",
        "REINDEX TABLE CONCURRENTLY t|REINDEX TABLE  t",
        "CREATE TABLE t (a int)|CREATE TABLE t (a int)"
      })
  void buildsTheSameIndexInsideATransactionWithoutConcurrently(String sql, String form) {
    assertThat(NonTransactionalStatements.inTransactionForm(new Statement(sql, 1, 1)))
        .contains(form);
  }

  @ParameterizedTest
  @ValueSource(strings = {"VACUUM t", "CREATE DATABASE other", "ALTER SYSTEM SET work_mem = 1"})
  void hasNoFormInsideATransactionForWhatNeedsItsOwnSession(String sql) {
    assertThat(NonTransactionalStatements.inTransactionForm(new Statement(sql, 1, 1))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"COMMIT", "end", "PREPARE TRANSACTION 'x'", "ROLLBACK"})
  void recognisesStatementsThatEndATransaction(String sql) {
    assertThat(NonTransactionalStatements.isTransactionControl(new Statement(sql, 1, 1))).isTrue();
  }
}

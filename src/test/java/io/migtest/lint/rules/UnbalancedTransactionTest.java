package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class UnbalancedTransactionTest {
  private final UnbalancedTransaction rule = new UnbalancedTransaction();

  @Test
  void aBeginInAFileTheToolWrapsIsFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nALTER TABLE t ADD COLUMN c int;\nCOMMIT;",
                TransactionMode.SINGLE_TRANSACTION))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message()).contains("already runs this file as one transaction");
            });
  }

  @Test
  void aCommitWithoutBeginIsFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ADD COLUMN c int;\nCOMMIT;\nSELECT 1;",
                TransactionMode.SINGLE_TRANSACTION))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("ends the transaction the migration tool opened");
            });
    assertThat(RuleTester.lint(rule, "SELECT 1;\nEND;", TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No transaction is open here"));
  }

  @Test
  void aBeginNeverCommittedOrNestedIsFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nALTER TABLE t ADD COLUMN c int;\nSTART TRANSACTION;\nSELECT 1;",
                TransactionMode.AUTOCOMMIT))
        .extracting(f -> f.line() + " " + f.message().substring(0, 29))
        .containsExactly("3 A transaction is already open", "1 This BEGIN is never committed");
  }

  @Test
  void balancedTransactionsInFilesTheToolDoesNotWrapAreFine() {
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nALTER TABLE t ADD COLUMN c int;\nSAVEPOINT s;\nROLLBACK TO s;\nCOMMIT;\n"
                    + "START TRANSACTION;\nSELECT 1;\nROLLBACK;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nALTER TABLE t ADD COLUMN c int;\nCOMMIT;",
                TransactionMode.MULTI_STATEMENT_QUERY))
        .isEmpty();
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class ConcurrentlyInTransactionTest {
  private final ConcurrentlyInTransaction rule = new ConcurrentlyInTransaction();

  @Test
  void aConcurrentIndexInAFileTheToolWrapsInATransactionIsFound() {
    assertThat(RuleTester.lint(rule, "CREATE INDEX CONCURRENTLY i ON t (a);"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("runs this file as one transaction"));
  }

  /** golang-migrate and dbmate's transaction:false send the file as one query. */
  @Test
  void aMultiStatementQueryIsAnImplicitTransactionAndSaysSo() {
    assertThat(
            RuleTester.lint(
                rule,
                "SET lock_timeout = '1s';\nCREATE INDEX CONCURRENTLY i ON t (a);",
                TransactionMode.MULTI_STATEMENT_QUERY))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("one multi-statement query")
                    .contains("implicit transaction"));
  }

  @Test
  void anExplicitBeginIsATransactionToo() {
    assertThat(
            RuleTester.lint(
                rule,
                "BEGIN;\nDROP INDEX CONCURRENTLY i;\nCOMMIT;\nVACUUM t;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("explicit BEGIN");
            });
  }

  @Test
  void outsideATransactionItIsFine() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE INDEX CONCURRENTLY i ON t (a);\nREINDEX INDEX CONCURRENTLY i;\n"
                    + "BEGIN;\nABORT;\nVACUUM t;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }
}

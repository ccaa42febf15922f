package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class ReindexNotConcurrentTest {
  private final ReindexNotConcurrent rule = new ReindexNotConcurrent();

  @Test
  void reindexWithoutConcurrentlyIsFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "REINDEX TABLE orders;\nREINDEX (VERBOSE) INDEX orders_pkey;\nREINDEX SCHEMA app;",
                TransactionMode.AUTOCOMMIT))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(" blocks")))
        .containsExactly(
            "1 REINDEX TABLE orders", "2 REINDEX INDEX orders_pkey", "3 REINDEX SCHEMA app");
  }

  @Test
  void concurrentReindexSystemAndTablesOfThePullRequestAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE orders (id int)",
                "REINDEX TABLE CONCURRENTLY orders;\n"
                    + "REINDEX (CONCURRENTLY) TABLE orders;\n"
                    + "REINDEX SYSTEM;\n"
                    + "CREATE TABLE items (id int);\n"
                    + "REINDEX TABLE items;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void concurrentlyTurnedOffStillCounts() {
    assertThat(RuleTester.lint(rule, "REINDEX (CONCURRENTLY false) TABLE orders;")).hasSize(1);
  }
}

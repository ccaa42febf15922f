package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class DropIndexNotConcurrentTest {
  private static final String BASE =
      "CREATE TABLE orders (id bigint, c bigint); CREATE INDEX orders_c_idx ON orders (c)";
  private final DropIndexNotConcurrent rule = new DropIndexNotConcurrent();

  @Test
  void droppingAnIndexOfTheBaseStateWithoutConcurrentlyIsFound() {
    assertThat(RuleTester.lintOnBase(rule, BASE, "SELECT 1;\nDROP INDEX orders_c_idx;"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("drop-index-not-concurrent");
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message())
                  .contains("orders_c_idx")
                  .contains("ACCESS EXCLUSIVE")
                  .contains("CONCURRENTLY")
                  .doesNotContain("No database");
            });
  }

  @Test
  void concurrentDropsIndexesOfThePullRequestAndMissingIndexesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "DROP INDEX CONCURRENTLY IF EXISTS orders_c_idx;\n"
                    + "CREATE INDEX orders_id_idx ON orders (id);\n"
                    + "DROP INDEX orders_id_idx;\n"
                    + "DROP INDEX IF EXISTS never_existed;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void withoutADatabaseAnIndexThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "DROP INDEX IF EXISTS a_idx, public.b_idx;"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("a_idx, public.b_idx")
                    .contains("No database: assumed to exist"));
  }
}

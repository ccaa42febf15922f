package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.lint.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateIndexNotConcurrentTest {
  private final CreateIndexNotConcurrent rule = new CreateIndexNotConcurrent();

  @Test
  void anIndexOnATableOfTheBaseStateMustBeBuiltConcurrently() {
    List<Finding> findings =
        RuleTester.lintOnBase(
            rule,
            "CREATE TABLE orders (id bigint, customer_id bigint)",
            "CREATE INDEX orders_customer_idx\n  ON orders (customer_id);");
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("create-index-not-concurrent");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.endLine()).isEqualTo(2);
              assertThat(f.message())
                  .contains("orders")
                  .contains("CONCURRENTLY")
                  .doesNotContain("No database");
            });
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE s.t (a int)".replace("s.", ""),
                "CREATE UNIQUE INDEX ON public.t (a);"))
        .hasSize(1);
  }

  @Test
  void concurrentIndexesAndIndexesOnTablesThePullRequestCreatesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE orders (id bigint)",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_id_idx ON orders (id);\n"
                    + "CREATE TABLE items (id bigint, order_id bigint);\n"
                    + "CREATE INDEX items_order_idx ON items (order_id);\n"
                    + "CREATE INDEX parent_idx ON ONLY orders (id);"))
        .isEmpty();
  }

  @Test
  void withoutADatabaseATableThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "CREATE INDEX i ON \"Orders\" (id);"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No database: assumed to exist"));
  }
}

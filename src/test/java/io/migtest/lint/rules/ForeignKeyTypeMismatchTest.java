package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ForeignKeyTypeMismatchTest {
  private final ForeignKeyTypeMismatch rule = new ForeignKeyTypeMismatch();

  @Test
  void aKeyNarrowerThanTheBaseStatesReferencedColumnIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE customers (id bigint PRIMARY KEY, code varchar(10) UNIQUE)",
                "CREATE TABLE orders (\n"
                    + "  id bigint PRIMARY KEY,\n"
                    + "  customer_id int REFERENCES customers\n"
                    + ");\n"
                    + "ALTER TABLE orders ADD COLUMN customer_code text;\n"
                    + "ALTER TABLE orders ADD CONSTRAINT orders_code_fk\n"
                    + "  FOREIGN KEY (customer_code) REFERENCES customers (code) NOT VALID;"))
        .extracting(f -> f.line() + " " + f.message())
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .startsWith(
                        "1 orders.customer_id is integer but references customers.id, which is"
                            + " bigint")
                    .contains("rewrites", "Give customer_id the type bigint."),
            m ->
                assertThat(m)
                    .startsWith(
                        "6 orders.customer_code is text but references customers.code, which is"
                            + " character varying(10)"));
  }

  @Test
  void typesDefinedEarlierInThePullRequestCountWithoutADatabase() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE TABLE c (id bigserial PRIMARY KEY);\n"
                    + "CREATE TABLE o (c_id int8 REFERENCES c (id), "
                    + "parent int, FOREIGN KEY (parent) REFERENCES o (c_id));\n"
                    + "ALTER TABLE o ADD COLUMN c2 integer REFERENCES c;"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .containsExactly(
            "2 o.parent is integer but references o.c_id, which is bigint",
            "3 o.c2 is integer but references c.id, which is bigint");
  }

  @Test
  void matchingTypesAndUnknownTypesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE customers (id bigint PRIMARY KEY)",
                "CREATE TABLE orders (customer_id bigint REFERENCES customers (id));\n"
                    + "CREATE TABLE notes (customer_id int8 REFERENCES customers);"))
        .isEmpty();
    assertThat(RuleTester.lint(rule, "CREATE TABLE o (c_id int REFERENCES customers (id));"))
        .isEmpty();
  }
}

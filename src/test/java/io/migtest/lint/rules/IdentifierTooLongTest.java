package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class IdentifierTooLongTest {
  private final IdentifierTooLong rule = new IdentifierTooLong();
  private static final String LONG =
      "idx_orders_customer_id_created_at_status_region_currency_amount_x";

  @Test
  void createdAndRenamedNamesOverSixtyThreeBytesAreFound() {
    assertThat(LONG).hasSize(65);
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS "
                    + LONG
                    + " ON orders (customer_id);\n"
                    + "CREATE TABLE t (a int, "
                    + LONG
                    + "_col int, CONSTRAINT "
                    + LONG
                    + "_ck CHECK (a > 0));\n"
                    + "ALTER TABLE t RENAME COLUMN a TO "
                    + LONG
                    + "_a;\n"
                    + "ALTER TABLE t ADD COLUMN \""
                    + "é".repeat(32)
                    + "\" int;"))
        .extracting(f -> f.line() + " " + f.message().substring(9, f.message().indexOf(" is ")))
        .containsExactly(
            "1 " + LONG,
            "2 " + LONG + "_col",
            "2 " + LONG + "_ck",
            "3 " + LONG + "_a",
            "4 " + "é".repeat(32));
    assertThat(RuleTester.lint(rule, "CREATE TABLE " + LONG + " (a int);"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("65 bytes", "(" + LONG.substring(0, 63) + ")", "NOTICE"));
  }

  @Test
  void namesUpToSixtyThreeBytesAndReferencesAreFine() {
    String ok = LONG.substring(0, 63);
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE INDEX "
                    + ok
                    + " ON orders (customer_id);\n"
                    + "CREATE INDEX ON "
                    + LONG
                    + " (a);\n"
                    + "ALTER TABLE t DROP CONSTRAINT "
                    + LONG
                    + ";\n"
                    + "DROP INDEX "
                    + LONG
                    + ";\n"
                    + "ALTER TABLE t ADD COLUMN \""
                    + "é".repeat(31)
                    + "\" int;"))
        .isEmpty();
  }
}

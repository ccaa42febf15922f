package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class NarrowingTypeChangeTest {
  private final NarrowingTypeChange rule = new NarrowingTypeChange();
  private static final String BASE =
      "CREATE TYPE mood AS ENUM ('ok', 'sad'); CREATE TABLE p (price numeric(10,2),"
          + " name varchar(100), id bigint, at timestamptz, note text)";

  @Test
  void aNarrowerTypeThanTheBaseStateHasIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE p ALTER COLUMN price TYPE numeric(8,0);\n"
                    + "ALTER TABLE p ALTER name SET DATA TYPE varchar(50);\n"
                    + "ALTER TABLE p ALTER id TYPE int4 USING id::int;\n"
                    + "ALTER TABLE p ALTER at TYPE timestamp(3);\n"
                    + "ALTER TABLE p ALTER note TYPE mood USING note::mood;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("narrowing-type-change");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("p.price from numeric(10,2) to numeric(8,0)")
                  .contains("rounds every value to 0 decimal places")
                  .contains("nothing reports it")
                  .doesNotContain("No database");
            },
            f ->
                assertThat(f.message())
                    .contains("from character varying(100) to character varying(50)")
                    .contains("longer than 50 characters"),
            f -> assertThat(f.message()).contains("outside the integer range"),
            f ->
                assertThat(f.message())
                    .contains("wall-clock time")
                    .contains("rounds every value to 3 fractional digits"),
            f -> assertThat(f.message()).contains("not one of mood's labels ('ok', 'sad')"));
  }

  @Test
  void wideningChangesAndNewColumnsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE p ALTER price TYPE numeric(12,2), ALTER name TYPE text,"
                    + " ALTER id TYPE numeric, ALTER at TYPE timestamp with time zone;\n"
                    + "ALTER TABLE p ADD COLUMN code text;\n"
                    + "ALTER TABLE p ALTER code TYPE varchar(3);"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE p ALTER note TYPE varchar(10);")).isEmpty();
  }

  @Test
  void withoutADatabaseOnlyATypeThePullRequestSetEarlierCanBeVerified() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE p ALTER price TYPE numeric(8,0);\n"
                    + "ALTER TABLE p ALTER note TYPE text;\n"
                    + "ALTER TABLE p ALTER note TYPE varchar(10);"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message())
                  .contains("from text to")
                  .contains("No database: assumed to exist");
            });
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class TimestampWithoutTimeZoneTest {
  private final TimestampWithoutTimeZone rule = new TimestampWithoutTimeZone();

  @Test
  void timestampColumnsAddedCreatedOrRetypedAreFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ADD COLUMN seen_at timestamp;\n"
                    + "CREATE TABLE e (at timestamp(3) without time zone, log timestamp[]);\n"
                    + "ALTER TABLE t ALTER COLUMN c SET DATA TYPE timestamp;"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .containsExactly(
            "1 t.seen_at is timestamp without time zone",
            "2 e.at is timestamp(3) without time zone",
            "2 e.log is timestamp without time zone[]",
            "3 t.c is timestamp without time zone");
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN seen_at timestamp;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("Use timestamptz"));
  }

  @Test
  void timestamptzDateAndTimeAreFine() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ADD COLUMN seen_at timestamptz;\n"
                    + "CREATE TABLE e (a timestamp with time zone, b date, c time, d timestamptz(3));"))
        .isEmpty();
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.LintScript.PairedDown;
import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class MissingDownTest {
  private final MissingDown rule = new MissingDown();

  @Test
  void aMissingOrEmptyDownIsFoundOnceAtTheFirstStatement() {
    assertThat(
            RuleTester.lint(
                rule, "-- add a\n\nALTER TABLE t ADD COLUMN a int;\nSELECT 1;", PairedDown.MISSING))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message()).contains("has no down script");
            });
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN a int;", PairedDown.EMPTY))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("down script is empty"));
  }

  @Test
  void aWrittenDownALayoutWithoutDownsAndAnIgnoreWithAReasonAreFine() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN a int;", PairedDown.WRITTEN))
        .isEmpty();
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN a int;")).isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "-- migtest:ignore missing-down the backfill cannot be undone\n\n"
                    + "UPDATE t SET a = 0;",
                PairedDown.MISSING))
        .isEmpty();
  }

  @Test
  void anIrreversibleMarkWithAReasonIsFineAndOneWithoutAReasonIsFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "-- migtest:irreversible drops the legacy column and its data\n"
                    + "ALTER TABLE t DROP COLUMN legacy;",
                PairedDown.MISSING))
        .isEmpty();
    assertThat(
            RuleTester.lint(
                rule,
                "-- migtest:irreversible\nALTER TABLE t DROP COLUMN legacy;",
                PairedDown.MISSING))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("migtest:irreversible names no reason"));
  }
}

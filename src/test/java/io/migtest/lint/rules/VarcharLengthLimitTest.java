package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Severity;
import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class VarcharLengthLimitTest {
  private final VarcharLengthLimit rule = new VarcharLengthLimit();

  @Test
  void aVarcharWithALengthIsANote() {
    assertThat(RuleTester.lint(rule, "CREATE TABLE t (\n  name character varying(50)\n);"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Severity.INFO);
              assertThat(f.message())
                  .contains("t.name is character varying(50)", "CHECK (length(name) <= 50)");
            });
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ALTER COLUMN name TYPE varchar(200);"))
        .hasSize(1);
  }

  @Test
  void textAndVarcharWithoutALengthAreFine() {
    assertThat(RuleTester.lint(rule, "CREATE TABLE t (name text, code varchar, tags varchar[]);"))
        .isEmpty();
  }
}

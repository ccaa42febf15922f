package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class JsonColumnTest {
  private final JsonColumn rule = new JsonColumn();

  @Test
  void jsonColumnsAreFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ADD COLUMN meta json;\n"
                    + "CREATE TABLE e (payload JSON NOT NULL, history json[]);"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .containsExactly("1 t.meta is json", "2 e.payload is json", "2 e.history is json[]");
  }

  @Test
  void jsonbIsFine() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN meta jsonb DEFAULT '{}';"))
        .isEmpty();
  }
}

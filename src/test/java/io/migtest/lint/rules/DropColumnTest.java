package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class DropColumnTest {
  private final DropColumn rule = new DropColumn();

  @Test
  void droppingAColumnOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int, legacy text)",
                "ALTER TABLE users DROP COLUMN IF EXISTS legacy;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("users.legacy"));
  }

  @Test
  void columnsThePullRequestAddedConstraintsAndDownScriptsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE users (id int, CONSTRAINT c CHECK (id > 0))",
                "ALTER TABLE users ADD COLUMN tmp int;\n"
                    + "ALTER TABLE users DROP COLUMN tmp, DROP CONSTRAINT c;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE users DROP COLUMN legacy;")).isEmpty();
  }
}

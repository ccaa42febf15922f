package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class SetNotNullScansTableTest {
  private final SetNotNullScansTable rule = new SetNotNullScansTable();

  @Test
  void setNotNullOnAnExistingColumnIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int, b int)",
                "ALTER TABLE t ALTER COLUMN a SET NOT NULL, ALTER b SET DEFAULT 0;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("t.a").contains("NOT VALID"));
  }

  @Test
  void aValidatedCheckInTheBaseStateOrANewColumnNeedsNoScan() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (a int, CONSTRAINT a_nn CHECK (a IS NOT NULL))",
                "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n"
                    + "ALTER TABLE t ADD COLUMN b int;\n"
                    + "ALTER TABLE t ALTER COLUMN b SET NOT NULL;"))
        .isEmpty();
  }
}

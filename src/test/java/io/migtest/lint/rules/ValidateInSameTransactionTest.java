package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class ValidateInSameTransactionTest {
  private static final String BASE = "CREATE TABLE t (a int); CREATE TABLE p (id int PRIMARY KEY)";
  private final ValidateInSameTransaction rule = new ValidateInSameTransaction();

  @Test
  void validatingAfterTheAddInTheSameTransactionIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "BEGIN;\n"
                    + "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;\n"
                    + "ALTER TABLE t VALIDATE CONSTRAINT k;\n"
                    + "COMMIT;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message()).contains("VALIDATE CONSTRAINT on t").contains("(line 2)");
            });
  }

  @Test
  void theToolsTransactionAndTheSameStatementCountToo() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ADD COLUMN p_id int;\n"
                    + "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (p_id) REFERENCES p (id) NOT VALID,"
                    + " VALIDATE CONSTRAINT fk;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("(this same statement)"));
  }

  @Test
  void validatingInALaterTransactionIsFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ADD CONSTRAINT k CHECK (a > 0) NOT VALID;\n"
                    + "ALTER TABLE t VALIDATE CONSTRAINT k;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
    assertThat(RuleTester.lint(rule, "ALTER TABLE t VALIDATE CONSTRAINT k;")).isEmpty();
  }
}

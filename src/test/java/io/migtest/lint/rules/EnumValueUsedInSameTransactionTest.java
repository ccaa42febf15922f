package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class EnumValueUsedInSameTransactionTest {
  private static final String BASE =
      "CREATE TYPE mood AS ENUM ('ok', 'sad'); CREATE TABLE t (id int, m mood, note text)";
  private final EnumValueUsedInSameTransaction rule = new EnumValueUsedInSameTransaction();

  @Test
  void aNewValueUsedThroughAColumnOfTheTypeIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "BEGIN;\n"
                    + "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok';\n"
                    + "UPDATE t SET m = 'meh' WHERE id = 1;\n"
                    + "COMMIT;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("enum-value-used-in-same-transaction");
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message())
                  .contains("'meh' was added to mood on line 2")
                  .contains("55P04")
                  .doesNotContain("without a database");
            });
  }

  @Test
  void castsDefaultsAndColumnsDeclaredInTheScriptAreUsesToo() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "CREATE TABLE u (id int, state mood);\n"
                    + "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh';\n"
                    + "SELECT 'meh'::mood;\n"
                    + "ALTER TABLE t ALTER COLUMN m SET DEFAULT 'meh';\n"
                    + "ALTER TABLE t ADD COLUMN m2 mood DEFAULT 'meh';\n"
                    + "INSERT INTO u (id, state) VALUES (1, 'meh');"))
        .extracting(f -> f.line())
        .containsExactly(3, 4, 5, 6);
  }

  @Test
  void aUseInALaterTransactionOrOfAnotherTypeIsFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TYPE mood ADD VALUE 'meh';\n"
                    + "UPDATE t SET m = 'meh';\n"
                    + "BEGIN;\n"
                    + "ALTER TYPE mood ADD VALUE 'glad';\n"
                    + "UPDATE t SET note = 'glad';\n"
                    + "COMMENT ON TYPE mood IS 'glad';\n"
                    + "COMMIT;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void withoutADatabaseTheStringInARowStatementIsEnough() {
    assertThat(RuleTester.lint(rule, "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE t SET m = 'meh';"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("could not check"));
  }
}

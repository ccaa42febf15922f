package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class EnumValueRenamedOrRemovedTest {
  private final EnumValueRenamedOrRemoved rule = new EnumValueRenamedOrRemoved();

  @Test
  void renamingAValueOfTheBaseStateIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TYPE status AS ENUM ('new', 'done')",
                "ALTER TYPE status RENAME VALUE 'done' TO 'completed';"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("enum-value-renamed-or-removed");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("value 'done' of status to 'completed'")
                  .doesNotContain("No database");
            });
  }

  @Test
  void movingAColumnToAnEnumWithoutSomeOfItsValuesIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TYPE status AS ENUM ('new', 'done', 'void', 'lost');"
                    + " CREATE TABLE orders (id int, status status)",
                "CREATE TYPE status_new AS ENUM ('new', 'done');\n"
                    + "ALTER TYPE status_new ADD VALUE 'lost';\n"
                    + "ALTER TABLE orders\n"
                    + "  ALTER COLUMN status SET DATA TYPE status_new"
                    + " USING status::text::status_new;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message())
                  .contains("orders.status from status to status_new removes the value 'void'")
                  .doesNotContain("'lost'");
            });
  }

  @Test
  void addedValuesValuesThePullRequestAddedAndSupersetsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TYPE status AS ENUM ('new', 'done'); CREATE TABLE orders (status status)",
                "ALTER TYPE status ADD VALUE 'completed' AFTER 'done';\n"
                    + "ALTER TYPE status ADD VALUE IF NOT EXISTS 'x';\n"
                    + "ALTER TYPE status RENAME VALUE 'x' TO 'y';\n"
                    + "ALTER TYPE status RENAME VALUE 'nothere' TO 'z';\n"
                    + "CREATE TYPE status2 AS ENUM ('new', 'done', 'more');\n"
                    + "ALTER TABLE orders ALTER status TYPE status2 USING status::text::status2;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TYPE status RENAME VALUE 'completed' TO 'done';"))
        .isEmpty();
  }

  @Test
  void withoutADatabaseAValueThePullRequestDoesNotAddIsAssumedToExist() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TYPE status RENAME VALUE 'done' TO 'completed';\n"
                    + "CREATE TYPE s AS ENUM ('a');\n"
                    + "ALTER TYPE s RENAME VALUE 'a' TO 'b';\n"
                    + "ALTER TYPE status ADD VALUE 'c';\n"
                    + "ALTER TYPE status RENAME VALUE 'c' TO 'd';"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message()).contains("No database: assumed to exist");
            });
  }
}

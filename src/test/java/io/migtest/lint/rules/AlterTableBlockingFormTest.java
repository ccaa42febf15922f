package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class AlterTableBlockingFormTest {
  private static final String BASE =
      "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at);"
          + " CREATE TABLE events_2023 PARTITION OF events"
          + " FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');"
          + " CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)";
  private final AlterTableBlockingForm rule = new AlterTableBlockingForm();

  @Test
  void formsThatRewriteOrLockAnExistingTableAreFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE events DETACH PARTITION events_2023;\n"
                    + "ALTER TABLE t SET UNLOGGED;\n"
                    + "ALTER TABLE t SET TABLESPACE fast;\n"
                    + "ALTER TABLE t SET ACCESS METHOD heap2;\n"
                    + "ALTER TABLE t ALTER COLUMN b SET EXPRESSION AS (a * 3);"))
        .extracting(f -> f.line() + " " + f.message())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("1 events: DETACH PARTITION locks"),
            m -> assertThat(m).startsWith("2 t: SET UNLOGGED writes the whole table"),
            m -> assertThat(m).startsWith("3 t: SET TABLESPACE copies"),
            m -> assertThat(m).startsWith("4 t: SET ACCESS METHOD rewrites"),
            m -> assertThat(m).startsWith("5 t: SET EXPRESSION recomputes"));
  }

  @Test
  void concurrentDetachAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;\n"
                    + "ALTER TABLE events DETACH PARTITION events_2023 FINALIZE;\n"
                    + "CREATE TABLE n (a int);\n"
                    + "ALTER TABLE n SET LOGGED;\n"
                    + "ALTER TABLE t SET (fillfactor = 70);",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void theMessageSaysWhatToDoInstead() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE events DETACH PARTITION p;"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("CONCURRENTLY")
                    .contains("DEFAULT partition")
                    .contains("No database: assumed to exist"));
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class ManyLocksInTransactionTest {
  private static final String BASE =
      "CREATE TABLE a (id int PRIMARY KEY, x int); CREATE TABLE b (id int, a_id int);"
          + " CREATE TABLE c (id int); CREATE INDEX a_x_idx ON a (x); CREATE INDEX b_id_idx ON b (id)";
  private final ManyLocksInTransaction rule = new ManyLocksInTransaction();

  @Test
  void aBackfillAfterAnAccessExclusiveLockIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "BEGIN;\nALTER TABLE a ADD COLUMN y int;\nUPDATE a SET y = 0;\nCOMMIT;",
                TransactionMode.AUTOCOMMIT))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("many-locks-in-transaction");
              assertThat(f.line()).isEqualTo(3);
              assertThat(f.message())
                  .contains("ACCESS EXCLUSIVE lock on a since line 2")
                  .contains("writes rows of a");
            });
  }

  @Test
  void lockingAnotherTableOrLongWorkInTheToolsTransactionIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE a ADD COLUMN y int;\n"
                    + "ALTER TABLE b ADD COLUMN z int;\n"
                    + "CREATE INDEX b_a_idx ON b (a_id);\n"
                    + "ALTER TABLE c ADD COLUMN w int;\n"
                    + "ALTER TABLE b ADD CONSTRAINT fk FOREIGN KEY (a_id) REFERENCES a (id)"
                    + " NOT VALID;\n"
                    + "ALTER TABLE b VALIDATE CONSTRAINT fk;"))
        .extracting(f -> f.line() + " " + f.message())
        .satisfiesExactly(
            m -> assertThat(m).startsWith("2 ").contains("also locks b (ACCESS EXCLUSIVE)"),
            m -> assertThat(m).startsWith("3 ").contains("builds an index on b"),
            m -> assertThat(m).startsWith("6 ").contains("validates a constraint"));
  }

  @Test
  void catalogOnlyChangesOfTheSameTableNewTablesAndSeparateTransactionsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "BEGIN;\n"
                    + "ALTER TABLE a ADD COLUMN y int;\n"
                    + "ALTER TABLE a ALTER COLUMN y SET DEFAULT 0;\n"
                    + "COMMENT ON COLUMN a.y IS 'why';\n"
                    + "CREATE TABLE n (id int);\n"
                    + "INSERT INTO n SELECT id FROM a;\n"
                    + "COMMIT;\n"
                    + "UPDATE a SET y = 0;\n"
                    + "ALTER TABLE b ADD COLUMN z int;",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void droppedIndexesDoNotCountAsTablesForTheyDoNotNameTheirTable() {
    assertThat(
            RuleTester.lintOnBase(
                rule, BASE, "DROP INDEX a_x_idx;\nDROP INDEX b_id_idx;\nALTER TABLE a ADD y int;"))
        .isEmpty();
  }
}

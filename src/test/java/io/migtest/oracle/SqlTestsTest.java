package io.migtest.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.SharedServer;
import io.migtest.db.Timeouts;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SQL test files judged on a real database: directives, isolation, failures and pgTAP. */
class SqlTestsTest {
  private ScratchDatabase database;
  private final ScriptRunner runner = new ScriptRunner(Timeouts.DEFAULT, SharedServer.get());

  @BeforeEach
  void migrated() throws Exception {
    database = SharedServer.get().createScratch("tests");
    try (Connection c = database.connect()) {
      c.createStatement()
          .execute(
              "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL UNIQUE,"
                  + " age int CHECK (age >= 0))");
    }
  }

  @AfterEach
  void drop() {
    database.close();
  }

  private List<TestResult> judge(String... nameAndText) {
    List<SqlScript> scripts = new java.util.ArrayList<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      scripts.add(SqlScript.of(nameAndText[i], nameAndText[i + 1], TransactionMode.AUTOCOMMIT));
    }
    return new SqlTests(scripts).judge(database, runner);
  }

  @Test
  void expectationsThatHoldPassAndEveryFileSeesTheDatabaseAsMigrated() {
    List<TestResult> results =
        judge(
            "t/01.sql",
            """
            INSERT INTO users VALUES (1, 'a@x', 30);
            -- migtest:expect-error 23502
            INSERT INTO users (id) VALUES (2);
            -- migtest:expect-error 23
            INSERT INTO users VALUES (3, 'a@x', 1);
            -- migtest:expect-rows 1
            SELECT * FROM users;
            -- migtest:expect-rows 1
            UPDATE users SET age = 31 WHERE id = 1;
            """,
            "t/02.sql",
            """
            -- The first file's row was rolled back.
            -- migtest:expect-rows 0
            SELECT * FROM users;
            """);
    assertThat(results)
        .extracting(TestResult::status)
        .containsExactly(TestStatus.PASS, TestStatus.PASS);
    assertThat(results).extracting(TestResult::kind).containsOnly("sql");
  }

  @Test
  void judgingForAMutantStopsEachFileAtItsFirstFailureWithTheSameVerdict() {
    String file =
        """
        INSERT INTO users VALUES (1, 'a@x', 30);
        -- migtest:expect-rows 2
        SELECT * FROM users;
        -- migtest:expect-error 23505
        INSERT INTO users VALUES (2, 'b@x', 1);
        -- migtest:expect-rows 0
        SELECT * FROM users;
        """;
    SqlTests tests =
        new SqlTests(List.of(SqlScript.of("t/01.sql", file, TransactionMode.AUTOCOMMIT)));

    TestResult everything = tests.judge(database, runner).get(0);
    TestResult forAMutant = tests.judgeUntil(database, runner, r -> r.failed()).get(0);

    assertThat(everything.failures()).hasSize(3);
    assertThat(forAMutant.status()).isEqualTo(TestStatus.FAIL).isEqualTo(everything.status());
    assertThat(forAMutant.failures()).containsExactly(everything.failures().get(0));
  }

  @Test
  void eachFileRecordsTheTablesItTouchedIncludingThroughAFunctionThatReturnsNothing()
      throws Exception {
    try (Connection c = database.connect()) {
      c.createStatement()
          .execute(
              "CREATE TABLE audit (note text);"
                  + " CREATE FUNCTION log_note(n text) RETURNS void LANGUAGE sql"
                  + " AS $$ INSERT INTO audit VALUES (n) $$");
    }
    List<TestResult> results =
        judge(
            "t/01.sql",
            """
            SELECT log_note('hello');
            -- migtest:expect-rows 0
            SELECT * FROM users;
            """,
            "t/02.sql",
            "SELECT 1;",
            "t/03.sql",
            """
            -- migtest:expect-rows 1
            INSERT INTO audit VALUES ('x') RETURNING note;
            -- migtest:expect-error 23502
            INSERT INTO users (id) VALUES (1);
            """);
    assertThat(results)
        .extracting(r -> r.status() + " " + r.touched())
        .as("also a file whose last statement failed as expected (and was undone)")
        .containsExactly("PASS [audit, users]", "PASS []", "PASS [audit]");
  }

  @Test
  void expectationsThatFailAreReportedWithLineExpectedAndActualAndTheFileGoesOn() {
    TestResult result =
        judge(
                "t/bad.sql",
                """
                -- migtest:expect-error 23514
                INSERT INTO users VALUES (1, 'a@x', 5);
                -- migtest:expect-error 23505
                INSERT INTO users (id) VALUES (2);
                -- migtest:expect-rows 3
                SELECT * FROM users;
                -- migtest:expect-error 22
                INSERT INTO users (id, email) VALUES (3, 'c@x');
                -- migtest:expect-rows 1
                SELECT * FROM users WHERE false;
                """)
            .get(0);
    assertThat(result.status()).isEqualTo(TestStatus.FAIL);
    assertThat(result.failures())
        .extracting(TestFailure::line, TestFailure::expected, TestFailure::actual)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2, "error 23514", "success"),
            org.assertj.core.groups.Tuple.tuple(4, "error 23505", "error 23502"),
            org.assertj.core.groups.Tuple.tuple(6, "3 rows", "0 rows"),
            org.assertj.core.groups.Tuple.tuple(8, "error 22", "success"),
            org.assertj.core.groups.Tuple.tuple(10, "1 row", "0 rows"));
    assertThat(result.failures().get(3).message())
        .isEqualTo("expected the statement to fail with SQLSTATE class 22, but it succeeded");
    assertThat(result.failures().get(4).message()).isEqualTo("expected 1 row, got 0");
  }

  @Test
  void aStatementFailingWithoutAnExpectationEndsTheFile() {
    TestResult result =
        judge(
                "t/error.sql",
                "SELECT 1;\nINSERT INTO missing VALUES (1);\n-- migtest:expect-rows 5\nSELECT 1;\n")
            .get(0);
    assertThat(result.status()).isEqualTo(TestStatus.FAIL);
    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).line()).isEqualTo(2);
    assertThat(result.failures().get(0).actual()).isEqualTo("error 42P01");
  }

  @Test
  void badDirectivesAndTransactionControlAreErrorsOfTheFileAndNothingRuns() {
    List<TestResult> results =
        judge(
            "t/typo.sql",
            "-- migtest:expect-eror 23502\nINSERT INTO users VALUES (9, 'z@x', 1);\n",
            "t/rows.sql",
            "-- migtest:expect-rows many\nSELECT 1;\n",
            "t/dangling.sql",
            "SELECT 1;\n-- migtest:expect-rows 1\n",
            "t/commit.sql",
            "INSERT INTO users VALUES (9, 'z@x', 1);\nCOMMIT;\n");
    assertThat(results).extracting(TestResult::status).containsOnly(TestStatus.ERROR);
    assertThat(results.get(0).failures().get(0).message()).contains("unknown directive");
    assertThat(results.get(1).failures().get(0).message()).contains("number of rows");
    assertThat(results.get(2).failures().get(0).message()).contains("no statement after it");
    assertThat(results.get(3).failures().get(0).message()).contains("remove BEGIN, COMMIT");
    assertThat(
            judge("t/check.sql", "-- migtest:expect-rows 0\nSELECT * FROM users;\n")
                .get(0)
                .status())
        .as("the COMMIT never ran")
        .isEqualTo(TestStatus.PASS);
  }

  @Test
  void pgTapFilesAreSkippedWithAReasonWhenTheServerHasNoPgTap() {
    TestResult result =
        judge("t/tap.sql", "SELECT plan(1);\nSELECT has_table('users');\nSELECT * FROM finish();\n")
            .get(0);
    assertThat(result.kind()).isEqualTo("pgtap");
    assertThat(result.status()).isEqualTo(TestStatus.SKIP);
    assertThat(result.note()).contains("pgTAP extension is not available");
  }

  @Test
  void directivesAreReadInAnyCaseAndSpacingAndAMisspelledOneIsAnError() {
    List<TestResult> results =
        judge(
            "t/spacing.sql",
            "-- migtest: expect-rows 3\nSELECT 1;\n-- MIGTEST:EXPECT-ROWS 3\nSELECT 1;\n",
            "t/typo.sql",
            "-- migtest:expect_rows 3\nSELECT 1;\n");
    assertThat(results.get(0).status()).isEqualTo(TestStatus.FAIL);
    assertThat(results.get(0).failures()).hasSize(2);
    assertThat(results.get(1).status()).isEqualTo(TestStatus.ERROR);
    assertThat(results.get(1).failures().get(0).message())
        .contains("unknown directive migtest:expect_rows");
  }
}

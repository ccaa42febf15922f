package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

/** psql's verbose error messages become findings with file, line and SQLSTATE. */
class PsqlFailuresTest {
  private static final SqlScript SCRIPT =
      SqlScript.of(
          "db/deploy/a.sql",
          "-- a\n\\set owner bob\n\\ir ../shared/common.sql\nSELECT 1;\n\nINSERT INTO t\n"
              + "  VALUES (1),\n  (nope);\n",
          TransactionMode.AUTOCOMMIT);

  private static Finding of(String output) {
    return PsqlFailures.of(SCRIPT, 3, output, reported -> "db/" + reported);
  }

  @Test
  void aServerErrorPointsAtTheLineTheServerNamesInsideTheStatement() {
    Finding f =
        of(
            "1\npsql:deploy/a.sql:8: ERROR:  42703: column \"nope\" does not exist\n"
                + "LINE 3:   (nope);\n           ^\nLOCATION:  errorMissingColumn, x.c:1\n");
    assertThat(f.file()).isEqualTo("db/deploy/a.sql");
    assertThat(f.line()).isEqualTo(8);
    assertThat(f.sqlstate()).isEqualTo("42703");
    assertThat(f.message())
        .isEqualTo("Statement at line 6 failed at line 8: column \"nope\" does not exist");
  }

  @Test
  void detailHintAndContextAreKept() {
    Finding f =
        of(
            "psql:deploy/a.sql:4: ERROR:  P0001: boom\nDETAIL:  dd\nHINT:  hh\n"
                + "CONTEXT:  PL/pgSQL function inline_code_block line 1 at RAISE\n");
    assertThat(f.line()).isEqualTo(4);
    assertThat(f.message())
        .isEqualTo(
            "Statement at line 4 failed: boom (detail: dd) (hint: hh)"
                + " (where: PL/pgSQL function inline_code_block line 1 at RAISE)");
  }

  @Test
  void aFailedCommandIsReportedOnItsLineWithoutSqlstate() {
    Finding f = of("psql:deploy/a.sql:3: error: shared/common.sql: No such file or directory\n");
    assertThat(f.line()).isEqualTo(3);
    assertThat(f.sqlstate()).isNull();
    assertThat(f.message())
        .isEqualTo("psql command at line 3 failed: shared/common.sql: No such file or directory");
  }

  @Test
  void anErrorInAnIncludedFileNamesThatFile() {
    Finding f = of("psql:shared/common.sql:2: ERROR:  42P07: relation \"t\" already exists\n");
    assertThat(f.file()).isEqualTo("db/shared/common.sql");
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message()).contains("which db/deploy/a.sql includes");
  }

  @Test
  void outputWithoutAnErrorLineIsShownAsItIs() {
    Finding f = of("psql: error: connection to server at \"127.0.0.1\", port 1 failed\n");
    assertThat(f.line()).isZero();
    assertThat(f.message()).startsWith("psql exited with 3. Last output:\npsql: error: connection");
  }
}

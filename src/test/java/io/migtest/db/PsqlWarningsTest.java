package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** psql's standard error besides failures: the server's warnings and the script's own lines. */
class PsqlWarningsTest {
  private static final SqlScript SCRIPT =
      SqlScript.of(
          "db/deploy/a.sql",
          "-- a\n\\ir ../shared/common.sql\nDO $$\nBEGIN RAISE WARNING 'x'; END\n$$;\n",
          TransactionMode.AUTOCOMMIT);

  private static List<Finding> read(String errors) {
    ServerWarnings warnings = ServerWarnings.collecting();
    PsqlWarnings.read(SCRIPT, errors, reported -> "db/" + reported, warnings);
    return warnings.findings();
  }

  @Test
  void aWarningNamesTheStatementsFirstLineAndKeepsItsDetailHintAndMoreLines() {
    assertThat(
            read(
                "psql:deploy/a.sql:5: WARNING:  01000: two\nlines\nDETAIL:  dd\nHINT:  hh\n"
                    + "LOCATION:  exec_stmt_raise, pl_exec.c:3911\n"))
        .extracting(Finding::file, Finding::line, Finding::message, Finding::sqlstate)
        .containsExactly(
            tuple(
                "db/deploy/a.sql",
                3,
                "The server warned: two lines (detail: dd) (hint: hh)",
                "01000"));
  }

  @Test
  void noticesAndPsqlsOwnMessagesAreLeftOutAndTheScriptsOwnLinesKept() {
    assertThat(
            read(
                "psql:deploy/a.sql:5: NOTICE:  00000: skipping\nLOCATION:  x, y.c:1\n"
                    + "own line\npsql:deploy/a.sql:2: error: gone\n\nsecond own line\n"))
        .extracting(Finding::line, Finding::message)
        .containsExactly(tuple(0, "psql wrote to standard error: own line / second own line"));
  }

  @Test
  void aWarningInAnIncludedFileNamesThatFileAndItsLine() {
    assertThat(read("psql:shared/common.sql:7: WARNING:  25P01: no transaction\n"))
        .extracting(Finding::file, Finding::line)
        .containsExactly(tuple("db/shared/common.sql", 7));
  }
}

package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.lint.rules.Rules;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A large pull request linted in pieces side by side finds what one pass in order finds. */
class LinterPiecesTest {

  /**
   * Forty migrations of 60 statements: each creates a table, indexes the table the one before
   * created (new in the pull request: no finding, if the piece knows it) and a table that existed
   * before (a finding), and the last one drops the first table.
   */
  private static List<LintScript> scripts() {
    List<LintScript> scripts = new ArrayList<>();
    for (int m = 1; m <= 40; m++) {
      StringBuilder sql = new StringBuilder();
      sql.append("CREATE TABLE t").append(m).append(" (id bigint PRIMARY KEY, a text);\n");
      sql.append("CREATE INDEX ON t").append(Math.max(1, m - 1)).append(" (a);\n");
      for (int i = 0; i < 57; i++) {
        sql.append("CREATE INDEX i").append(m).append('_').append(i).append(" ON old (a);\n");
      }
      sql.append(m == 40 ? "DROP TABLE t1;\n" : "SELECT 1;\n");
      scripts.add(
          Linter.script(
              SqlScript.of("V" + m + "__m.sql", sql.toString(), TransactionMode.SINGLE_TRANSACTION),
              false,
              s -> Optional.empty()));
    }
    return scripts;
  }

  private static List<String> lint(int pieces) {
    return new Linter(Rules.ALL, RuleSettings.DEFAULTS)
        .lint(scripts(), BaseCatalog.NONE, pieces).stream()
            .map(f -> f.rule() + " " + f.file() + ":" + f.line())
            .toList();
  }

  @Test
  void piecesFindWhatOnePassFinds() {
    List<String> onePass = lint(1);
    assertThat(onePass)
        .contains("create-index-not-concurrent V40__m.sql:3")
        .doesNotContain("create-index-not-concurrent V40__m.sql:2")
        .noneMatch(f -> f.startsWith("drop-table"));

    assertThat(lint(3)).isEqualTo(onePass);
  }

  @Test
  void findingsKeepTheirOrder() {
    List<Finding> findings =
        new Linter(Rules.ALL, RuleSettings.DEFAULTS).lint(scripts(), BaseCatalog.NONE, 4);
    List<Integer> migrations =
        findings.stream()
            .map(Finding::file)
            .map(f -> Integer.parseInt(f.substring(1, f.indexOf("__"))))
            .toList();
    assertThat(migrations).isSorted();
  }
}

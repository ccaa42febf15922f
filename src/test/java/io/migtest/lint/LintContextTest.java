package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Severity;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the context tells rules about the pull request's earlier statements and base columns. */
class LintContextTest {
  private static final BaseCatalog.Column REF = new BaseCatalog.Column("ref", "text", false, true);

  /** A base state with one table {@code t (ref text DEFAULT ...)}. */
  private static final BaseCatalog BASE =
      new BaseCatalog() {
        @Override
        public boolean known() {
          return true;
        }

        @Override
        public Optional<Relation> relation(QualifiedName name) {
          return name.name().equals("t")
              ? Optional.of(new Relation("public", "t", 'r', 0))
              : Optional.empty();
        }

        @Override
        public Optional<Column> column(QualifiedName table, String column) {
          return relation(table).filter(t -> column.equals("ref")).map(t -> REF);
        }

        @Override
        public Optional<Volatility> volatility(QualifiedName function) {
          return Optional.empty();
        }

        @Override
        public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
          return false;
        }

        @Override
        public Optional<List<String>> enumLabels(QualifiedName type) {
          return Optional.empty();
        }

        @Override
        public boolean type(QualifiedName type) {
          return false;
        }

        @Override
        public boolean schema(String schema) {
          return schema.equals("public");
        }
      };

  @Test
  void earlierStatementsSpanThePullRequestsScriptsAndBaseColumnsFollowRenames() {
    List<String> seen = new ArrayList<>();
    Rule recorder =
        new Recorder() {
          @Override
          public void check(LintStatement statement, LintContext context, RuleReport report) {
            seen.add(
                context.earlierStatements().size()
                    + " "
                    + context.baseColumn(new QualifiedName(null, "u"), "ref").isPresent()
                    + " "
                    + context.baseColumn(new QualifiedName(null, "u"), "other").isPresent());
          }
        };
    LintContext context = new LintContext(BASE);
    Linter linter = new Linter(List.of(recorder), RuleSettings.DEFAULTS);
    List<io.migtest.finding.Finding> findings = new ArrayList<>();
    linter.lint(script("V2__a.sql", "ALTER TABLE t RENAME TO u;"), context, findings);
    linter.lint(script("V3__b.sql", "SELECT 1;\nSELECT 2;"), context, findings);
    assertThat(seen).containsExactly("0 false false", "1 true false", "2 true false");
  }

  /** What a rule counts in a transaction's memo. */
  private static final class Count {
    int statements;
  }

  @Test
  void aTransactionsMemoEndsWithItAndEarlierStatementsByFirstWordWithTheScript() {
    List<String> seen = new ArrayList<>();
    Rule recorder =
        new Recorder() {
          @Override
          public void check(LintStatement statement, LintContext context, RuleReport report) {
            Count count = context.transactionMemo(Count.class, Count::new);
            seen.add(count.statements + " " + context.earlierInScriptStartingWith("drop").size());
            count.statements++;
          }
        };
    LintContext context = new LintContext(BASE);
    Linter linter = new Linter(List.of(recorder), RuleSettings.DEFAULTS);
    List<io.migtest.finding.Finding> findings = new ArrayList<>();
    linter.lint(
        script("V2__a.sql", "DROP TABLE a;\nCOMMIT;\nDROP TABLE b;\nSELECT 1;"), context, findings);
    linter.lint(script("V3__b.sql", "SELECT 2;"), context, findings);
    assertThat(seen).containsExactly("0 0", "1 1", "0 1", "1 2", "0 0");
  }

  /** A rule that only records what the context says. */
  private abstract static class Recorder implements Rule {
    @Override
    public String id() {
      return "recorder";
    }

    @Override
    public Severity severity() {
      return Severity.INFO;
    }

    @Override
    public String summary() {
      return "records what the context says";
    }
  }

  private static LintScript script(String file, String sql) {
    return Linter.script(
        SqlScript.of(file, sql, TransactionMode.SINGLE_TRANSACTION), false, s -> Optional.empty());
  }
}

package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which scripts need psql: its meta-commands, and variables psql would replace. */
class PsqlFeaturesTest {
  private static final ScriptFolder FOLDER =
      new ScriptFolder() {
        @Override
        public List<String> files() {
          return List.of();
        }

        @Override
        public byte[] read(String relativePath) throws IOException {
          throw new IOException("none");
        }

        @Override
        public String displayPath() {
          return "db";
        }
      };

  private static final PsqlClient SQITCH =
      new PsqlClient(
          "Sqitch",
          List.of("--quiet", "--set", "ON_ERROR_STOP=1", "--set", "registry=sqitch"),
          FOLDER,
          true);

  private static List<String> features(String sql) {
    return StatementSplitter.split("f.sql", sql).psqlFeatures().stream()
        .map(f -> f.line() + " " + f.text() + " " + f.variable())
        .toList();
  }

  private static SqlScript script(String sql) {
    return SqlScript.of("db/f.sql", sql, TransactionMode.AUTOCOMMIT).withPsql(SQITCH);
  }

  @Test
  void findsEveryFormOfVariableOutsideQuotesCommentsAndDollarQuotes() {
    assertThat(
            features(
                "SELECT :a, :'b', :\"c\", :{?d}\n"
                    + "  FROM t WHERE x = 'it is :e' AND \"y:f\" = 1 -- :g\n"
                    + "  AND z = $$ :h $$ /* :i */ AND w = E'\\' :j';\n"))
        .containsExactly("1 :a a", "1 :'b' b", "1 :\"c\" c", "1 :{?d} null");
  }

  @Test
  void castsAssignmentsAndSlicesOfNumbersAreNotVariablesPsqlKnows() {
    assertThat(features("SELECT x::int, y::\"T\", a[1:2] FROM t;\nDO $$ BEGIN v := 1; END $$;"))
        .containsExactly("1 :2 2");
    assertThat(script("SELECT a[1:2], b::text FROM t;").psqlFeature()).isEmpty();
  }

  @Test
  void metaCommandsThatOnlyChangeOutputStayOnJdbcAndOthersNeedPsql() {
    assertThat(script("\\echo hello\n\\set ON_ERROR_STOP on\nSELECT 1;").psqlFeature()).isEmpty();
    assertThat(script("SELECT 1;\n\\ir common.sql\n").psqlFeature())
        .hasValueSatisfying(f -> assertThat(f.line()).isEqualTo(2));
    assertThat(script("\\set ON_ERROR_STOP off\nSELECT 1;").psqlFeature()).isPresent();
  }

  @Test
  void aVariableNeedsPsqlOnlyWhenPsqlSetsIt() {
    // psql leaves :unknown as it is, exactly as sending the SQL directly does.
    assertThat(script("SELECT :'unknown';").psqlFeature()).isEmpty();
    assertThat(script("SELECT :'registry';").psqlFeature()).isPresent();
    assertThat(script("SELECT :'DBNAME';").psqlFeature()).isPresent();
    assertThat(
            SqlScript.of("f.sql", "SELECT :'registry';", TransactionMode.AUTOCOMMIT)
                .withPsql(PsqlClient.plain(FOLDER))
                .psqlFeature())
        .isEmpty();
  }

  @Test
  void aScriptOfAToolWithoutPsqlKeepsRefusingPsqlCommands() {
    SqlScript flyway = SqlScript.of("V1__a.sql", "\\ir common.sql\n", TransactionMode.AUTOCOMMIT);
    assertThat(flyway.psqlFeature()).isEmpty();
    assertThat(flyway.problems()).extracting(f -> f.rule()).containsExactly("psql-meta-command");
  }

  @Test
  void aScriptRunWithPsqlHasOneNoteInsteadOfErrorsForItsCommands() {
    assertThat(script("\\set n 1\n\\ir common.sql\nSELECT :n;").problems())
        .singleElement()
        .satisfies(
            note -> {
              assertThat(note.rule()).isEqualTo("psql-script");
              assertThat(note.line()).isEqualTo(1);
              assertThat(note.message()).contains("as Sqitch runs it").contains("`\\set n 1`");
            });
  }
}

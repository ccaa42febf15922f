package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

  private static List<Statement> statements(String sql) {
    SplitScript split = StatementSplitter.split("f.sql", sql);
    assertThat(split.problems()).isEmpty();
    return split.statements();
  }

  @Test
  void splitsAtSemicolonsAndKeepsLineNumbers() {
    List<Statement> s =
        statements("-- header\nCREATE TABLE a (id int);\n\nINSERT INTO a\nVALUES (1);\n");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly("CREATE TABLE a (id int)", "INSERT INTO a\nVALUES (1)");
    assertThat(s).extracting(Statement::startLine).containsExactly(2, 4);
    assertThat(s).extracting(Statement::endLine).containsExactly(2, 5);
  }

  @Test
  void ignoresSemicolonsInsideStringsIdentifiersAndComments() {
    List<Statement> s =
        statements(
            "INSERT INTO t VALUES ('a;b', 'it''s;');\n"
                + "SELECT \"odd;name\" FROM t; -- trailing; comment\n"
                + "/* outer /* nested; */ still comment; */ SELECT 3;\n"
                + "SELECT E'escaped \\' quote;';\n");
    assertThat(s).hasSize(4);
    assertThat(s.get(2).sql()).endsWith("SELECT 3");
    assertThat(s.get(3).sql()).isEqualTo("SELECT E'escaped \\' quote;'");
  }

  @Test
  void keepsDollarQuotedBodiesWithTagsWhole() {
    String fn =
        "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
            + "BEGIN\n  RAISE NOTICE $$inner; quote$$;\n  RETURN NEW;\nEND;\n$fn$;\n"
            + "SELECT $1, a$b$ FROM t;\n";
    List<Statement> s = statements(fn);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).sql()).endsWith("$fn$");
    assertThat(s.get(1).startLine()).isEqualTo(7);
  }

  @Test
  void keepsSqlStandardRoutineBodiesWhole() {
    String sql =
        "CREATE OR REPLACE FUNCTION grade(n int) RETURNS text LANGUAGE sql\n"
            + "BEGIN ATOMIC\n"
            + "  SELECT CASE WHEN n > 5 THEN 'high' ELSE 'low' END;\n"
            + "  SELECT 'x';\n"
            + "END;\n"
            + "SELECT grade(3);\n";
    List<Statement> s = statements(sql);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).sql()).endsWith("END");
    assertThat(s.get(1).sql()).isEqualTo("SELECT grade(3)");
  }

  @Test
  void runsALastStatementWithoutSemicolon() {
    assertThat(statements("SELECT 1;\nSELECT 2\n"))
        .extracting(Statement::sql)
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void reportsAnUnterminatedDollarQuoteAtTheLineWhereItOpened() {
    SplitScript split =
        StatementSplitter.split("m.sql", "SELECT 1;\n\nCREATE FUNCTION f() AS $body$\nBEGIN\n");
    assertThat(split.statements()).extracting(Statement::sql).containsExactly("SELECT 1");
    Finding problem = split.problems().get(0);
    assertThat(problem.rule()).isEqualTo("unterminated-dollar-quote");
    assertThat(problem.line()).isEqualTo(3);
    assertThat(problem.message()).contains("$body$");
    assertThat(problem.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void reportsAnUnterminatedCommentAndString() {
    assertThat(StatementSplitter.split("m.sql", "SELECT 1;\n/* never closed\n").problems())
        .extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unterminated-comment", 2));
    assertThat(StatementSplitter.split("m.sql", "\nSELECT 'open\n").problems())
        .extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unterminated-string", 2));
  }

  @Test
  void skipsHarmlessPsqlCommandsAndRefusesOthers() {
    SplitScript split =
        StatementSplitter.split(
            "m.sql", "\\set ON_ERROR_STOP on\nSELECT 1;\n\\i other.sql\nSELECT 2;\n");
    assertThat(split.statements())
        .extracting(Statement::sql)
        .containsExactly("SELECT 1", "SELECT 2");
    assertThat(split.problems())
        .extracting(Finding::severity, Finding::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Severity.INFO, 1),
            org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 3));
    assertThat(split.problems().get(1).message()).contains("\\i other.sql");
  }

  @Test
  void mapsAServerErrorPositionToAFileLine() {
    Statement statement = new Statement("SELECT\n  a,\n  b\nFROM t", 10, 13);
    assertThat(statement.lineOfPosition(1)).isEqualTo(10);
    assertThat(statement.lineOfPosition(statement.sql().indexOf('b') + 1)).isEqualTo(12);
  }

  @Test
  void splitsATenMegabyteFile() {
    String row = "INSERT INTO t VALUES (1, 'some text; with semicolon');\n";
    String big = row.repeat(10 * 1024 * 1024 / row.length());
    assertThat(StatementSplitter.split("big.sql", big).statements())
        .hasSize(10 * 1024 * 1024 / row.length());
  }

  @Test
  void aSemicolonInsideParenthesesDoesNotEndTheStatementAsInPsql() {
    List<Statement> s =
        statements("CREATE RULE r AS ON INSERT TO a DO ALSO (SELECT 1; SELECT 2);\nSELECT 3;");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly(
            "CREATE RULE r AS ON INSERT TO a DO ALSO (SELECT 1; SELECT 2)", "SELECT 3");
  }

  @Test
  void psqlCommandsThatChangeErrorHandlingAreWarnings() {
    SplitScript split = StatementSplitter.split("m.sql", "\\set ON_ERROR_STOP off\nSELECT 1;\n");
    assertThat(split.problems()).extracting(Finding::severity).containsExactly(Severity.WARNING);
  }

  @Test
  void keepsTheRowsAfterCopyFromStdinWithTheirStatement() {
    List<Statement> s = statements("COPY t (a, b) FROM stdin;\n1\tx;y\n2\t\\N\n\\.\nSELECT 1;\n");
    assertThat(s)
        .extracting(Statement::sql)
        .containsExactly("COPY t (a, b) FROM stdin", "SELECT 1");
    assertThat(s.get(0).copyData()).isEqualTo("1\tx;y\n2\t\\N\n");
    assertThat(s.get(1).startLine()).isEqualTo(5);
  }
}

package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** golang-migrate's x-multi-statement cut: every semicolon, whatever surrounds it. */
class SemicolonPiecesTest {
  @Test
  void cutsInsideDollarQuotesAndStringsAndDropsEmptyPieces() {
    SqlScript script =
        SqlScript.of(
            "1_a.up.sql",
            "CREATE TABLE a (id int);\n-- only a comment;\n"
                + "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;\n",
            TransactionMode.SEMICOLON_PIECES);
    assertThat(script.split().statements())
        .extracting(Statement::sql, Statement::startLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CREATE TABLE a (id int)", 1),
            org.assertj.core.groups.Tuple.tuple(
                "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1", 3),
            org.assertj.core.groups.Tuple.tuple("END $$ LANGUAGE plpgsql", 3));
  }
}

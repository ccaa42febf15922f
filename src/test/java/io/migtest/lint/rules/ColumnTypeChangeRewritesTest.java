package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ColumnTypeChangeRewritesTest {
  private static final String BASE =
      "CREATE DOMAIN plain_text AS text;"
          + " CREATE DOMAIN nonempty AS text CHECK (VALUE <> '');"
          + " CREATE TABLE t (id int, name varchar(100), price numeric(10,2), at timestamp,"
          + " at2 timestamp, code char(4), tags varchar(10)[], ref int, ref2 int);"
          + " CREATE INDEX t_at2_idx ON t (at2); CREATE INDEX t_ref_idx ON t (ref)";
  private final ColumnTypeChangeRewrites rule = new ColumnTypeChangeRewrites();

  @Test
  void changesThatRewriteTheTableAreFoundWithTheOldTypeFromTheCatalog() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ALTER COLUMN id TYPE bigint;\n"
                    + "ALTER TABLE t ALTER name TYPE varchar(50);\n"
                    + "ALTER TABLE t ALTER COLUMN price SET DATA TYPE numeric(12,3);\n"
                    + "ALTER TABLE t ALTER COLUMN code TYPE char(8);\n"
                    + "ALTER TABLE t ALTER COLUMN tags TYPE varchar(20)[];\n"
                    + "ALTER TABLE t ALTER COLUMN name TYPE nonempty;\n"
                    + "ALTER TABLE t ALTER COLUMN name TYPE varchar(100) USING btrim(name);"))
        .extracting(
            f -> f.line() + " " + f.message().substring(0, f.message().indexOf(" rewrites")))
        .containsExactly(
            "1 Changing t.id from integer to bigint",
            "2 Changing t.name from character varying(100) to character varying(50)",
            "3 Changing t.price from numeric(10,2) to numeric(12,3)",
            "4 Changing t.code from character(4) to character(8)",
            "5 Changing t.tags from character varying(10)[] to character varying(20)[]",
            "6 Changing t.name from character varying(100) to nonempty",
            "7 Changing the type of t.name with a USING clause");
  }

  @Test
  void changesThatKeepTheRowsAndNewColumnsAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ALTER COLUMN name TYPE varchar(200);\n"
                    + "ALTER TABLE t ALTER COLUMN name TYPE text, ALTER price TYPE numeric(14,2);\n"
                    + "ALTER TABLE t ALTER COLUMN price TYPE decimal;\n"
                    + "ALTER TABLE t ALTER COLUMN at TYPE timestamp(6) without time zone;\n"
                    + "ALTER TABLE t ALTER COLUMN id TYPE int4;\n"
                    + "ALTER TABLE t ALTER COLUMN name TYPE plain_text;\n"
                    + "ALTER TABLE t ALTER COLUMN ref2 TYPE oid;\n"
                    + "ALTER TABLE t ADD COLUMN n int;\n"
                    + "ALTER TABLE t ALTER COLUMN n TYPE bigint;\n"
                    + "CREATE TABLE u (a int);\n"
                    + "ALTER TABLE u ALTER COLUMN a TYPE bigint;"))
        .isEmpty();
  }

  @Test
  void timestampToTimestamptzRewritesUnlessTheSessionIsInUtc() {
    assertThat(RuleTester.lintOnBase(rule, BASE, "ALTER TABLE t ALTER COLUMN at TYPE timestamptz;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("unless the session's TimeZone is UTC"));
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "SET LOCAL TimeZone = 'UTC';\nALTER TABLE t ALTER COLUMN at TYPE timestamptz;"))
        .isEmpty();
  }

  @Test
  void changesThatOnlyRebuildIndexesAreFoundWhenTheColumnIsIndexed() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "SET TIME ZONE 'UTC';\n"
                    + "ALTER TABLE t ALTER COLUMN at2 TYPE timestamp with time zone;\n"
                    + "ALTER TABLE t ALTER COLUMN ref TYPE oid;\n"
                    + "ALTER TABLE t ALTER COLUMN ref2 TYPE oid;"))
        .extracting(f -> f.line() + " " + f.message())
        .satisfiesExactly(
            at -> assertThat(at).startsWith("2 Changing t.at2").contains("every index"),
            ref -> assertThat(ref).startsWith("3 Changing t.ref from integer to oid"));
  }

  @Test
  void withoutADatabaseTheOldTypeCannotBeVerifiedButUsingAlwaysRewrites() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ALTER COLUMN name TYPE varchar(200);\n"
                    + "ALTER TABLE t ALTER COLUMN id TYPE bigint USING id::bigint;"))
        .extracting(f -> f.line() + " " + f.severity().id() + " " + f.message())
        .satisfiesExactly(
            unverified ->
                assertThat(unverified)
                    .as("reported as a warning: it cannot block the merge")
                    .startsWith("1 warning Could not verify")
                    .contains("character varying(200)")
                    .contains("without a database"),
            using ->
                assertThat(using).startsWith("2 error Changing the type of t.id with a USING"));
  }
}

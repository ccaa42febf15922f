package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AddColumnVolatileDefaultTest {
  private static final String BASE =
      "CREATE TABLE t (id int);"
          + " CREATE FUNCTION pick() RETURNS int LANGUAGE sql AS 'SELECT 1';"
          + " CREATE FUNCTION fixed() RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT 1'";
  private final AddColumnVolatileDefault rule = new AddColumnVolatileDefault();

  @Test
  void aVolatileDefaultFromTheCatalogIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();\n"
                    + "ALTER TABLE t ADD COLUMN p int NOT NULL DEFAULT pick() + 1;\n"
                    + "ALTER TABLE t ADD n bigint DEFAULT nextval('s'::regclass);"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(" with")))
        .containsExactly("1 Adding t.u", "2 Adding t.p", "3 Adding t.n");
    assertThat(
            RuleTester.lintOnBase(
                rule, BASE, "ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid();"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("gen_random_uuid() is volatile")
                    .contains("rewrites the whole table")
                    .doesNotContain("No database"));
  }

  @Test
  void constantsStableCallsAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE t ADD COLUMN c timestamptz NOT NULL DEFAULT now();\n"
                    + "ALTER TABLE t ADD COLUMN d timestamptz DEFAULT CURRENT_TIMESTAMP;\n"
                    + "ALTER TABLE t ADD COLUMN e jsonb DEFAULT '{}'::jsonb, ADD f int[] DEFAULT"
                    + " ARRAY[]::int[];\n"
                    + "ALTER TABLE t ADD COLUMN g numeric DEFAULT CAST(0 AS numeric(10,2));\n"
                    + "ALTER TABLE t ADD COLUMN h int DEFAULT fixed();\n"
                    + "ALTER TABLE t ADD COLUMN i text DEFAULT NULL NOT NULL;\n"
                    + "CREATE TABLE n (id int);\n"
                    + "ALTER TABLE n ADD COLUMN u uuid DEFAULT gen_random_uuid();"))
        .isEmpty();
  }

  @Test
  void aFunctionThePullRequestCreatesIsJudgedByItsDeclaration() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "CREATE FUNCTION steady() RETURNS int LANGUAGE sql STABLE AS $$ SELECT 1 $$;\n"
                    + "CREATE FUNCTION moody() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN"
                    + " 1; END $$;\n"
                    + "ALTER TABLE t ADD COLUMN a int DEFAULT steady();\n"
                    + "ALTER TABLE t ADD COLUMN b int DEFAULT moody();"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("moody() is volatile"));
  }

  @Test
  void withoutADatabaseTheBuiltInListDecidesAndUnknownFunctionsCannotBeVerified() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ADD COLUMN u uuid DEFAULT public.uuid_generate_v4();\n"
                    + "ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now();\n"
                    + "ALTER TABLE t ADD COLUMN x int DEFAULT my_counter();"))
        .extracting(f -> f.line() + " " + f.message())
        .satisfiesExactly(
            volatileOne ->
                assertThat(volatileOne)
                    .startsWith("1 Adding t.u")
                    .contains("public.uuid_generate_v4() is volatile")
                    .contains("No database: assumed to exist"),
            unknown ->
                assertThat(unknown)
                    .startsWith("3 Could not verify the default of t.x")
                    .contains("my_counter()"));
  }

  @Test
  void withADatabaseAFunctionItDoesNotHaveCannotBeVerified() {
    assertThat(
            RuleTester.lintOnBase(
                rule, BASE, "ALTER TABLE t ADD COLUMN x int DEFAULT missing_fn(1);"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.severity().id() + " " + f.message())
                    .startsWith("warning Could not verify")
                    .contains("base state's catalog"));
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class NotNullOnExistingColumnTest {
  private final NotNullOnExistingColumn rule = new NotNullOnExistingColumn();

  @Test
  void notNullOnANullableBaseColumnWithoutADefaultIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (ref text, other text)",
                "ALTER TABLE t ALTER COLUMN ref SET NOT NULL;\n"
                    + "ALTER TABLE t ADD CONSTRAINT other_nn CHECK ((other IS NOT NULL)) NOT VALID;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("not-null-on-existing-column");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("SET NOT NULL on t.ref, which has no default")
                  .doesNotContain("No database");
            },
            f -> {
              assertThat(f.line()).isEqualTo(2);
              assertThat(f.message()).contains("CHECK (other IS NOT NULL) on t.other");
            });
  }

  @Test
  void defaultsColumnsAlreadyNotNullAndAnEarlierCheckAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (ref text, dflt text DEFAULT 'x', nn text NOT NULL, chk text,"
                    + " late text, both_ text, CONSTRAINT chk_nn CHECK (chk IS NOT NULL))",
                "ALTER TABLE t ALTER COLUMN ref SET DEFAULT '';\n"
                    + "ALTER TABLE t ALTER COLUMN ref SET NOT NULL;\n"
                    + "ALTER TABLE t ALTER dflt SET NOT NULL, ALTER nn SET NOT NULL;\n"
                    + "ALTER TABLE t ALTER chk SET NOT NULL;\n"
                    + "ALTER TABLE t ALTER both_ SET NOT NULL, ALTER both_ SET DEFAULT '';\n"
                    + "ALTER TABLE t ADD CHECK (late IS NOT NULL OR ref = '') NOT VALID;"))
        .isEmpty();
  }

  @Test
  void setNotNullAfterTheCheckAnEarlierMigrationAddedIsReportedOnlyAtTheCheck() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (ref text)",
                "ALTER TABLE t ADD CONSTRAINT ref_nn CHECK (ref IS NOT NULL) NOT VALID;\n"
                    + "ALTER TABLE t VALIDATE CONSTRAINT ref_nn;\n"
                    + "ALTER TABLE t ALTER ref SET NOT NULL;"))
        .singleElement()
        .satisfies(f -> assertThat(f.line()).isEqualTo(1));
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE t ALTER ref SET NOT NULL;")).isEmpty();
  }

  @Test
  void withoutADatabaseTheColumnIsAssumedToExistWithoutADefault() {
    assertThat(
            RuleTester.lint(
                rule,
                "ALTER TABLE t ALTER COLUMN ref SET NOT NULL;\n"
                    + "ALTER TABLE t ALTER COLUMN other SET DEFAULT 0;\n"
                    + "ALTER TABLE t ALTER COLUMN other SET NOT NULL;"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("No database: assumed to exist")
                  .contains("Nor can it see a default");
            });
  }
}

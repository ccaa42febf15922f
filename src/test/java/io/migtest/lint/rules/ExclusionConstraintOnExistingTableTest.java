package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ExclusionConstraintOnExistingTableTest {
  private final ExclusionConstraintOnExistingTable rule = new ExclusionConstraintOnExistingTable();

  @Test
  void anExclusionConstraintOnAnExistingTableIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE r (id int, span tstzrange)",
                "ALTER TABLE r ADD CONSTRAINT no_overlap EXCLUDE USING gist (span WITH &&);\n"
                    + "ALTER TABLE r ADD EXCLUDE USING gist (span WITH &&);"))
        .extracting(f -> f.line() + " " + f.message().substring(0, 40))
        .containsExactly(
            "1 Adding an EXCLUDE constraint to r builds",
            "2 Adding an EXCLUDE constraint to r builds");
  }

  @Test
  void exclusionConstraintsOnNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE r (id int)",
                "CREATE TABLE s (span tstzrange, EXCLUDE USING gist (span WITH &&));\n"
                    + "CREATE TABLE s2 (span tstzrange);\n"
                    + "ALTER TABLE s2 ADD CONSTRAINT x EXCLUDE USING gist (span WITH &&);\n"
                    + "ALTER TABLE r ADD COLUMN excluded boolean;"))
        .isEmpty();
  }

  @Test
  void withoutADatabaseTheTableIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE r ADD EXCLUDE USING gist (span WITH &&);"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No database: assumed to exist"));
  }
}

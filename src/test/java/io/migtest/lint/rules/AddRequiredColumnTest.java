package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class AddRequiredColumnTest {
  private final AddRequiredColumn rule = new AddRequiredColumn();

  @Test
  void aNotNullColumnWithoutADefaultOnABaseTableIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (id int)",
                "ALTER TABLE t ADD COLUMN tier text NOT NULL;\n"
                    + "ALTER TABLE t ADD code text CONSTRAINT code_nn NOT NULL DEFAULT NULL,"
                    + " ADD COLUMN IF NOT EXISTS id2 bigint PRIMARY KEY;"))
        .satisfiesExactly(
            f -> {
              assertThat(f.rule()).isEqualTo("add-required-column");
              assertThat(f.line()).isEqualTo(1);
              assertThat(f.message())
                  .contains("t.tier as NOT NULL without a DEFAULT")
                  .doesNotContain("No database");
            },
            f -> assertThat(f.message()).contains("t.code"),
            f -> assertThat(f.message()).contains("t.id2"));
  }

  @Test
  void defaultsGeneratedValuesNullableColumnsAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                "CREATE TABLE t (id int PRIMARY KEY)",
                "ALTER TABLE t ADD COLUMN tier text NOT NULL DEFAULT 'free';\n"
                    + "ALTER TABLE t ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;\n"
                    + "ALTER TABLE t ADD COLUMN s bigserial NOT NULL;\n"
                    + "ALTER TABLE t ADD COLUMN d int NOT NULL GENERATED ALWAYS AS (id * 2) STORED;\n"
                    + "ALTER TABLE t ADD COLUMN r int REFERENCES t (id) ON DELETE SET DEFAULT;\n"
                    + "ALTER TABLE t ADD COLUMN c text CHECK (c IS NOT NULL OR id > 0);\n"
                    + "ALTER TABLE t ADD CONSTRAINT t_tier_key UNIQUE (tier);\n"
                    + "CREATE TABLE n (a int);\n"
                    + "ALTER TABLE n ADD b int NOT NULL;"))
        .isEmpty();
    assertThat(RuleTester.lintDown(rule, "ALTER TABLE t ADD COLUMN tier text NOT NULL;")).isEmpty();
  }

  @Test
  void withoutADatabaseATableThePullRequestDoesNotCreateIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE t ADD COLUMN tier text NOT NULL;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("No database: assumed to exist"));
  }
}

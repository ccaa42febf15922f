package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import io.migtest.sql.TransactionMode;
import org.junit.jupiter.api.Test;

class UniqueConstraintWithoutIndexTest {
  private static final String BASE = "CREATE TABLE u (id bigint NOT NULL, email text)";
  private final UniqueConstraintWithoutIndex rule = new UniqueConstraintWithoutIndex();

  @Test
  void uniqueAndPrimaryKeyConstraintsWithoutAnIndexAreFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE u ADD CONSTRAINT u_email_key UNIQUE (email);\n"
                    + "ALTER TABLE u ADD PRIMARY KEY (id);\n"
                    + "ALTER TABLE u ADD COLUMN code text UNIQUE;\n"
                    + "ALTER TABLE u ADD COLUMN id2 bigint PRIMARY KEY;"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(" build")))
        .containsExactly(
            "1 Adding a UNIQUE constraint to u",
            "2 Adding a PRIMARY KEY constraint to u",
            "3 Adding u.code with UNIQUE",
            "4 Adding u.id2 with PRIMARY KEY");
  }

  @Test
  void constraintsUsingAConcurrentlyBuiltIndexAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "CREATE UNIQUE INDEX CONCURRENTLY u_email_idx ON u (email);\n"
                    + "ALTER TABLE u ADD CONSTRAINT u_email_key UNIQUE USING INDEX u_email_idx;\n"
                    + "ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY USING INDEX u_id_idx;\n"
                    + "CREATE TABLE v (id bigint);\n"
                    + "ALTER TABLE v ADD PRIMARY KEY (id), ADD UNIQUE (id);",
                TransactionMode.AUTOCOMMIT))
        .isEmpty();
  }

  @Test
  void withoutADatabaseTheTableIsAssumedToExist() {
    assertThat(RuleTester.lint(rule, "ALTER TABLE u ADD UNIQUE (email);"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("USING INDEX")
                    .contains("No database: assumed to exist"));
  }
}

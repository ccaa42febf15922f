package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class ConstraintWithoutNotValidTest {
  private static final String BASE =
      "CREATE TABLE customers (id bigint PRIMARY KEY); CREATE TABLE orders (id bigint, c bigint)";
  private final ConstraintWithoutNotValid rule = new ConstraintWithoutNotValid();

  @Test
  void aForeignKeyOrCheckOnAnExistingTableWithoutNotValidIsFound() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id);\n"
                    + "ALTER TABLE orders ADD CHECK (id > 0);\n"
                    + "ALTER TABLE orders ADD COLUMN d bigint REFERENCES customers (id);"))
        .extracting(f -> f.line() + " " + f.message().substring(0, 20))
        .containsExactly(
            "1 FOREIGN KEY constrai", "2 CHECK constraint add", "3 A column added with ");
  }

  @Test
  void notValidConstraintsAndNewTablesAreFine() {
    assertThat(
            RuleTester.lintOnBase(
                rule,
                BASE,
                "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (c) REFERENCES customers (id)"
                    + " NOT VALID;\n"
                    + "ALTER TABLE orders VALIDATE CONSTRAINT fk;\n"
                    + "CREATE TABLE items (id bigint, o bigint);\n"
                    + "ALTER TABLE items ADD CONSTRAINT fk2 FOREIGN KEY (o) REFERENCES orders (id);\n"
                    + "ALTER TABLE orders ADD CONSTRAINT u UNIQUE (id);"))
        .isEmpty();
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.RuleTester;
import org.junit.jupiter.api.Test;

class CharTypeTest {
  private final CharType rule = new CharType();

  @Test
  void blankPaddedCharacterTypesAreFound() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE TABLE t (code char(3), flag character, raw bpchar);\n"
                    + "ALTER TABLE t ADD COLUMN c2 CHARACTER(2);"))
        .extracting(f -> f.line() + " " + f.message().substring(0, f.message().indexOf(':')))
        .containsExactly(
            "1 t.code is character(3)",
            "1 t.flag is character(1)",
            "1 t.raw is bpchar",
            "2 t.c2 is character(2)");
  }

  @Test
  void theOneByteCharTypeVarcharAndTextAreFine() {
    assertThat(
            RuleTester.lint(
                rule,
                "CREATE TABLE t (kind \"char\", code text CHECK (length(code) = 3), v varchar(3),"
                    + " cv character varying);"))
        .isEmpty();
  }
}

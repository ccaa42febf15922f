package io.migtest.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The value lists of CHECK constraints, as pg_get_constraintdef prints them (PostgreSQL 17). */
class CheckChoicesTest {
  @Test
  void readsInListsOfTextVarcharAndIntegersAndASingleValue() {
    assertThat(CheckChoices.of("CHECK ((a = ANY (ARRAY['x'::text, 'y'::text])))"))
        .hasValue("ARRAY['x'::text, 'y'::text]");
    assertThat(
            CheckChoices.of(
                "CHECK (((b)::text = ANY ((ARRAY['p'::character varying,"
                    + " 'q]'::character varying])::text[])))"))
        .hasValue("ARRAY['p'::character varying, 'q]'::character varying]");
    assertThat(CheckChoices.of("CHECK ((c = ANY (ARRAY[1, 2, 3])))")).hasValue("ARRAY[1, 2, 3]");
    assertThat(CheckChoices.of("CHECK ((\"Kind\" = 'it''s'::text))"))
        .hasValue("ARRAY['it''s'::text]");
  }

  @Test
  void leavesOtherChecksAlone() {
    assertThat(CheckChoices.of("CHECK ((length(a) = '3'::text))")).isEmpty();
    assertThat(CheckChoices.of("CHECK (((a = 'x'::text) OR (a = 'y'::text)))")).isEmpty();
    assertThat(CheckChoices.of("CHECK ((n > 0))")).isEmpty();
    assertThat(CheckChoices.of("CHECK ((a = ANY (ARRAY['x'::text])) AND (b > 0))")).isEmpty();
  }
}

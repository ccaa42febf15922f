package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How types written in migrations compare with format_type's, and what a change loses. */
class TypeNarrowingTest {
  private static List<String> losses(String from, String to) {
    return TypeNarrowing.losses(SqlType.parse(from), SqlType.parse(to), Optional.empty());
  }

  @Test
  void typesWrittenInMigrationsReadAsFormatTypeWritesThem() {
    assertThat(SqlType.parse("varchar(50)")).isEqualTo(SqlType.parse("character varying(50)"));
    assertThat(SqlType.parse("timestamptz(3)"))
        .isEqualTo(SqlType.parse("timestamp(3) with time zone"));
    assertThat(SqlType.parse("int4 ARRAY")).isEqualTo(SqlType.parse("integer[]"));
    assertThat(SqlType.parse("pg_catalog.int8")).isEqualTo(SqlType.parse("bigint"));
    assertThat(SqlType.parse("char")).isEqualTo(SqlType.parse("character(1)"));
    assertThat(SqlType.parse("float(24)")).isEqualTo(SqlType.parse("real"));
    assertThat(SqlType.parse("timestamp(3) with time zone").toString())
        .isEqualTo("timestamp(3) with time zone");
    assertThat(SqlType.parse("shop.\"Status\"[]").userType()).hasToString("shop.Status");
    assertThat(SqlType.parse("status").family()).isEqualTo(SqlType.Family.USER);
  }

  @Test
  void narrowingChangesSayWhatTheyLose() {
    assertThat(losses("character varying(10)", "varchar(5)"))
        .containsExactly("fails on every value longer than 5 characters");
    assertThat(losses("text", "char(3)")).hasSize(1);
    assertThat(losses("numeric(10,2)", "numeric(12,3)")).isEmpty();
    assertThat(losses("numeric(10,2)", "numeric(6,2)"))
        .containsExactly("fails on every value with more than 4 digits before the decimal point");
    assertThat(losses("numeric", "integer")).hasSize(2);
    assertThat(losses("numeric(4,0)", "smallint")).isEmpty();
    assertThat(losses("bigint", "smallint")).singleElement().asString().contains("-32768");
    assertThat(losses("integer", "numeric(10,0)")).isEmpty();
    assertThat(losses("integer", "numeric(9,0)")).hasSize(1);
    assertThat(losses("bigint", "double precision")).hasSize(1);
    assertThat(losses("double precision", "real")).hasSize(1);
    assertThat(losses("timestamp(6) without time zone", "timestamp(0)")).hasSize(1);
    assertThat(losses("timestamp with time zone", "date"))
        .containsExactly("drops the time of day, without an error");
    assertThat(losses("text", "uuid"))
        .containsExactly("fails on every value that is not a valid uuid");
    assertThat(
            TypeNarrowing.losses(
                SqlType.parse("text[]"), SqlType.parse("mood[]"), Optional.of(Set.of("ok"))))
        .singleElement()
        .asString()
        .contains("'ok'");
  }

  @Test
  void wideningAndUnknownChangesLoseNothing() {
    assertThat(losses("varchar(50)", "text")).isEmpty();
    assertThat(losses("integer", "bigint")).isEmpty();
    assertThat(losses("real", "double precision")).isEmpty();
    assertThat(losses("timestamp", "timestamptz")).isEmpty();
    assertThat(losses("interval(3)", "interval")).isEmpty();
    assertThat(losses("text", "email_domain")).isEmpty();
    assertThat(losses("integer", "text")).isEmpty();
    assertThat(losses("integer[]", "smallint")).isEmpty();
  }
}

package io.migtest.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.ColumnType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How types written in migrations compare with format_type's, and what a change loses. */
class TypeNarrowingTest {
  private static List<String> losses(String from, String to) {
    return TypeNarrowing.losses(ColumnType.parse(from), ColumnType.parse(to), Optional.empty());
  }

  private static boolean same(String a, String b) {
    return ColumnType.parse(a).sameAs(ColumnType.parse(b));
  }

  @Test
  void typesWrittenInMigrationsReadAsFormatTypeWritesThem() {
    assertThat(same("varchar(50)", "character varying(50)")).isTrue();
    assertThat(same("timestamptz(3)", "timestamp(3) with time zone")).isTrue();
    assertThat(same("int4 ARRAY", "integer[]")).isTrue();
    assertThat(same("pg_catalog.int8", "bigint")).isTrue();
    assertThat(same("char", "character(1)")).isTrue();
    assertThat(same("float(24)", "real")).isTrue();
    assertThat(ColumnType.parse("timestamp(3) with time zone").toString())
        .isEqualTo("timestamp(3) with time zone");
    assertThat(ColumnType.parse("shop.\"Status\"[]").qualifiedName()).hasToString("shop.Status");
    assertThat(TypeNarrowing.family(ColumnType.parse("status")))
        .isEqualTo(TypeNarrowing.Family.USER);
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
                ColumnType.parse("text[]"), ColumnType.parse("mood[]"), Optional.of(Set.of("ok"))))
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

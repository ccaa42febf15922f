package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.lint.TypeChange.Effect;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The type changes measured on PostgreSQL 15 (relfilenode of the table and of an index on the
 * column, before and after): the old type as {@code format_type} prints it, the new one as a
 * migration writes it.
 */
class TypeChangeTest {
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "character varying(100) | varchar(200)             | NONE",
        "character varying(100) | character varying        | NONE",
        "character varying(100) | text                     | NONE",
        "text                   | varchar                  | NONE",
        "numeric(10,0)          | numeric(12)              | NONE",
        "numeric(10,2)          | decimal(12,2)            | NONE",
        "numeric(10,2)          | numeric                  | NONE",
        "timestamp(3) without time zone | timestamp(6)     | NONE",
        "timestamp without time zone | timestamp(6)        | NONE",
        "timestamp(6) with time zone | timestamptz         | NONE",
        "time(2) without time zone | time(4)               | NONE",
        "time with time zone    | timetz(6)                | NONE",
        "interval(2)            | interval                 | NONE",
        "bit varying(3)         | varbit(5)                | NONE",
        "cidr                   | inet                     | NONE",
        "integer                | int4                     | NONE",
        "text                   | citext                   | INDEXES_REBUILT",
        "public.citext          | text                     | INDEXES_REBUILT",
        "integer                | oid                      | INDEXES_REBUILT",
        "oid                    | regclass                 | INDEXES_REBUILT",
        "timestamp without time zone | timestamptz         | REWRITE_UNLESS_UTC",
        "timestamp(3) with time zone | timestamp           | REWRITE_UNLESS_UTC",
        "timestamp without time zone | timestamptz(3)      | REWRITE",
        "character varying(10)  | varchar(5)               | REWRITE",
        "character varying      | varchar(10)              | REWRITE",
        "text                   | varchar(10)              | REWRITE",
        "numeric(10,2)          | numeric(12,3)            | REWRITE",
        "numeric                | numeric(10,2)            | REWRITE",
        "timestamp(6) without time zone | timestamp(5)     | REWRITE",
        "interval               | interval(3)              | REWRITE",
        "character(4)           | char(8)                  | REWRITE",
        "character(1)           | text                     | REWRITE",
        "integer                | bigint                   | REWRITE",
        "smallint               | int                      | REWRITE",
        "real                   | float8                   | REWRITE",
        "json                   | jsonb                    | REWRITE",
        "bit(3)                 | varbit(3)                | REWRITE",
        "character varying(10)[] | varchar(20)[]           | REWRITE",
        "integer[]              | bigint[]                 | REWRITE",
        "mood                   | text                     | REWRITE",
      })
  void predictsWhatTheChangeDoes(String old, String next, Effect effect) {
    ColumnType to = ColumnType.of(Tokens.of(SqlTokens.of(next, 1)));
    assertThat(TypeChange.of(ColumnType.parse(old), to, BaseCatalog.NONE)).isEqualTo(effect);
  }
}

package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Column definitions and their types, read from the tokens as the type rules see them. */
class ColumnDefinitionTest {
  private static List<ColumnDefinition> of(String sql) {
    return ColumnDefinition.of(Tokens.of(SqlTokens.of(sql, 1)));
  }

  @Test
  void typesAreNormalisedAsFormatTypeWritesThem() {
    assertThat(ColumnType.parse("int4").toString()).isEqualTo("integer");
    assertThat(ColumnType.parse("bigserial")).satisfies(t -> assertThat(t.serial()).isTrue());
    assertThat(ColumnType.parse("bigserial").toString()).isEqualTo("bigint");
    assertThat(ColumnType.parse("varchar (50)").toString()).isEqualTo("character varying(50)");
    assertThat(ColumnType.parse("timestamp(3) with time zone").toString())
        .isEqualTo("timestamp(3) with time zone");
    assertThat(ColumnType.parse("timestamptz(3)").toString())
        .isEqualTo("timestamp(3) with time zone");
    assertThat(ColumnType.parse("TIMESTAMP").toString()).isEqualTo("timestamp without time zone");
    assertThat(ColumnType.parse("numeric(10, 2)").toString()).isEqualTo("numeric(10,2)");
    assertThat(ColumnType.parse("char").toString()).isEqualTo("character(1)");
    assertThat(ColumnType.parse("\"char\"").name()).isEqualTo("\"char\"");
    assertThat(ColumnType.parse("int ARRAY").toString()).isEqualTo("integer[]");
    assertThat(ColumnType.parse("varchar(10)[][]").toString()).isEqualTo("character varying(10)[]");
    assertThat(ColumnType.parse("float(20)").toString()).isEqualTo("real");
    assertThat(ColumnType.parse("double precision").toString()).isEqualTo("double precision");
    assertThat(ColumnType.parse("pg_catalog.int8").toString()).isEqualTo("bigint");
    assertThat(ColumnType.parse("shop.Mood").toString()).isEqualTo("shop.mood");
  }

  @Test
  void modifiersCompareAsPostgresqlSeesThem() {
    assertThat(ColumnType.parse("numeric(10)").sameAs(ColumnType.parse("numeric(10,0)"))).isTrue();
    assertThat(ColumnType.parse("numeric(10)").modifier()).isEqualTo("(10)");
    assertThat(ColumnType.parse("bit").toString()).isEqualTo("bit(1)");
    assertThat(ColumnType.parse("bpchar").toString()).isEqualTo("bpchar");
    assertThat(ColumnType.parse("bpchar(5)").toString()).isEqualTo("character(5)");
    assertThat(ColumnType.parse("numeric(5,-2)").modifiers()).containsExactly(5, -2);
    assertThat(ColumnType.parse("\"int4\"").toString()).isEqualTo("integer");
    assertThat(ColumnType.parse("geometry(Point, 4326)").toString())
        .isEqualTo("geometry(point,4326)");
    assertThat(ColumnType.parse("interval day to second(3)").toString())
        .isEqualTo("interval day to second(3)");
    assertThat(ColumnType.parse("shop.\"Mood\"[]").qualifiedName())
        .isEqualTo(new QualifiedName("shop", "Mood"));
    assertThat(ColumnType.parse("mood").sameAs(ColumnType.parse("shop.mood"))).isTrue();
  }

  @Test
  void createTableReadsColumnsNotTableConstraints() {
    List<ColumnDefinition> columns =
        of(
            "CREATE TABLE IF NOT EXISTS shop.orders (\n"
                + "  id bigint GENERATED ALWAYS AS IDENTITY,\n"
                + "  \"Note\" varchar(20) COLLATE \"C\" NOT NULL DEFAULT '',\n"
                + "  placed_at timestamp(0) without time zone,\n"
                + "  CONSTRAINT orders_pk PRIMARY KEY (id),\n"
                + "  LIKE templ,\n"
                + "  CHECK (id > 0)\n"
                + ")");
    assertThat(columns)
        .extracting(c -> c.name() + " " + c.type() + " " + c.line())
        .containsExactly(
            "id bigint 2",
            "Note character varying(20) 3",
            "placed_at timestamp(0) without time zone 4");
    assertThat(columns.get(0).primaryKey()).isTrue();
    assertThat(columns.get(0).identity()).isTrue();
    assertThat(columns.get(1).constraints().has("not", "null")).isTrue();
    assertThat(columns.get(0).table()).isEqualTo(new QualifiedName("shop", "orders"));
  }

  @Test
  void aCompositePrimaryKeyMakesNoColumnTheKeyOnItsOwn() {
    assertThat(of("CREATE TABLE t (a int, b int, PRIMARY KEY (a, b))"))
        .noneMatch(ColumnDefinition::primaryKey);
    assertThat(of("CREATE TABLE t (a int PRIMARY KEY, b int)").get(0).primaryKey()).isTrue();
  }

  @Test
  void alterTableReadsAddedAndRetypedColumns() {
    assertThat(
            of(
                "ALTER TABLE ONLY t ADD COLUMN IF NOT EXISTS a json,"
                    + " ADD b int REFERENCES u (id),"
                    + " ADD CONSTRAINT k UNIQUE (a),"
                    + " ALTER COLUMN c SET DATA TYPE varchar(9) USING c::varchar,"
                    + " ALTER d TYPE timestamptz,"
                    + " ALTER e SET NOT NULL"))
        .extracting(c -> c.source() + " " + c.name() + " " + c.type())
        .containsExactly(
            "ADD_COLUMN a json",
            "ADD_COLUMN b integer",
            "ALTER_TYPE c character varying(9)",
            "ALTER_TYPE d timestamp with time zone");
  }

  @Test
  void constraintsAreReadOutsideParentheses() {
    List<ColumnDefinition> columns =
        of(
            "ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid() NOT NULL UNIQUE,"
                + " ADD c int GENERATED BY DEFAULT AS IDENTITY,"
                + " ADD s int GENERATED ALWAYS AS (a * 2) STORED,"
                + " ADD v int GENERATED ALWAYS AS (a * 2),"
                + " ADD n int DEFAULT NULL NOT NULL CHECK (n IS NOT NULL),"
                + " ADD k bigserial PRIMARY KEY,"
                + " ALTER x TYPE varchar(10) COLLATE \"C\" USING x::text");
    assertThat(columns)
        .extracting(
            c ->
                c.name()
                    + " "
                    + c.defaultExpression().map(Tokens::toString).orElse("-")
                    + " "
                    + c.generated()
                    + (c.notNull() ? " not null" : "")
                    + (c.unique() ? " unique" : "")
                    + (c.primaryKey() ? " key" : "")
                    + (c.type().serial() ? " serial" : "")
                    + (c.collate() ? " collate" : "")
                    + (c.using() ? " using" : ""))
        .containsExactly(
            "u gen_random_uuid() NONE not null unique",
            "c - IDENTITY",
            "s - STORED",
            "v - VIRTUAL",
            "n null NONE not null",
            "k - NONE key serial",
            "x - NONE collate using");
  }

  @Test
  void otherTableFormsHaveNoColumnDefinitions() {
    assertThat(of("CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)")).isEmpty();
    assertThat(of("CREATE TABLE t2 AS SELECT * FROM t")).isEmpty();
    assertThat(of("CREATE INDEX i ON t (a)")).isEmpty();
  }

  @Test
  void foreignKeysComeFromColumnsTableElementsAndAlterTable() {
    assertThat(
            ForeignKey.of(
                Tokens.of(
                    SqlTokens.of(
                        "CREATE TABLE o (id bigint, c_id int REFERENCES c,"
                            + " CONSTRAINT f FOREIGN KEY (id, c_id) REFERENCES x (a, b))",
                        1))))
        .extracting(k -> k.columns() + "->" + k.referenced() + k.referencedColumns())
        .containsExactly("[c_id]->c[]", "[id, c_id]->x[a, b]");
    assertThat(
            ForeignKey.of(
                Tokens.of(
                    SqlTokens.of(
                        "ALTER TABLE o ADD CONSTRAINT f FOREIGN KEY (c_id) REFERENCES s.c (id)"
                            + " NOT VALID",
                        1))))
        .extracting(k -> k.columns() + "->" + k.referenced() + k.referencedColumns())
        .containsExactly("[c_id]->s.c[id]");
  }
}

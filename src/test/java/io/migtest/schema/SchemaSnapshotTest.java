package io.migtest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.SharedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Snapshots of real schemas: complete, canonical, comparable, and their differences in words. */
class SchemaSnapshotTest {
  private static final String SCHEMA =
      """
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      CREATE SCHEMA app;
      CREATE TYPE app.mood AS ENUM ('happy', 'sad');
      CREATE DOMAIN app.positive AS integer NOT NULL CHECK (VALUE > 0);
      CREATE TYPE app.pair AS (a int, b text);
      CREATE TABLE app.customers (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email text NOT NULL UNIQUE,
        mood app.mood DEFAULT 'happy',
        visits app.positive,
        lower_email text GENERATED ALWAYS AS (lower(email)) STORED
      );
      CREATE TABLE app.orders (
        id serial PRIMARY KEY,
        customer_id bigint NOT NULL REFERENCES app.customers (id) ON DELETE CASCADE
          DEFERRABLE INITIALLY DEFERRED,
        amount numeric(10, 2) NOT NULL CHECK (amount >= 0),
        note text COLLATE "C"
      );
      ALTER TABLE app.orders ADD CONSTRAINT orders_note_check CHECK (note <> '') NOT VALID;
      CREATE INDEX orders_customer_idx ON app.orders (customer_id) WHERE amount > 0;
      CREATE VIEW app.big_orders AS SELECT id, amount FROM app.orders WHERE amount > 100;
      CREATE MATERIALIZED VIEW app.order_totals AS SELECT customer_id, sum(amount) FROM app.orders
        GROUP BY customer_id;
      CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RETURN NEW; END; $$;
      CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW
        EXECUTE FUNCTION app.touch();
      ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
      CREATE POLICY own_orders ON app.orders FOR SELECT USING (amount > 0);
      COMMENT ON TABLE app.orders IS 'what customers bought';
      COMMENT ON COLUMN app.orders.note IS 'free text';
      COMMENT ON FUNCTION app.touch() IS 'stamps the row';
      COMMENT ON SCHEMA public IS 'the default schema';
      CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version text);
      """;

  @Test
  void readsEveryKindOfObjectAndTwoDatabasesWithTheSameSchemaAreEqual() throws SQLException {
    SchemaSnapshot first = snapshotOf(SCHEMA);
    SchemaSnapshot second = snapshotOf(SCHEMA);

    assertThat(first).isEqualTo(second);
    assertThat(first.toJson()).isEqualTo(second.toJson());
    assertThat(SchemaSnapshot.fromJson(first.toJson())).hasValue(first);
    assertThat(first.objects())
        .containsKeys(
            "schema app",
            "extension pg_trgm",
            "type app.mood",
            "type app.positive",
            "type app.pair",
            "table app.orders",
            "column app.customers.lower_email",
            "constraint app.orders.orders_customer_id_fkey",
            "index app.orders_customer_idx",
            "sequence app.orders_id_seq",
            "view app.big_orders",
            "view app.order_totals",
            "function app.touch()",
            "trigger app.orders.orders_touch",
            "policy app.orders.own_orders",
            "comment app.orders.note",
            "comment app.touch()",
            "comment schema public");
    assertThat(first.objects().get("type app.mood")).containsEntry("definition", "'happy', 'sad'");
    assertThat(
            first.objects().get("constraint app.orders.orders_customer_id_fkey").get("definition"))
        .contains("ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED");
    assertThat(first.objects().get("constraint app.orders.orders_note_check"))
        .containsEntry("validated", "f");
    assertThat(first.objects().get("column app.orders.note")).containsEntry("collation", "C");
    assertThat(first.objects().get("sequence app.orders_id_seq"))
        .containsEntry("owned by", "app.orders.id");
    assertThat(first.objects().get("table app.orders")).containsEntry("row security", "t");
    assertThat(first.objects().keySet())
        .as("the tool's history table, and what an extension created, are left out")
        .noneMatch(k -> k.contains("flyway_schema_history"))
        .noneMatch(k -> k.contains("similarity"));
  }

  @Test
  void theDiffSaysWhatChangedInWordsAndKeepsColumnPositionsApart() throws SQLException {
    SchemaSnapshot before = snapshotOf(SCHEMA);
    SchemaSnapshot after =
        snapshotOf(
            SCHEMA
                + """
                ALTER TABLE app.orders ALTER COLUMN note SET NOT NULL;
                DROP INDEX app.orders_customer_idx;
                ALTER TABLE app.orders VALIDATE CONSTRAINT orders_note_check;
                ALTER TABLE app.customers DROP COLUMN visits;
                ALTER TABLE app.customers ADD COLUMN visits app.positive;
                ALTER TYPE app.mood ADD VALUE 'calm';
                """);

    List<SchemaChange> changes = SchemaDiff.between(before, after);

    assertThat(changes)
        .extracting(SchemaChange::description)
        .contains(
            "column `app.orders.note`: NOT NULL added",
            "index `app.orders_customer_idx` missing",
            "constraint `app.orders.orders_note_check`: now validated",
            "type `app.mood`: definition was 'happy', 'sad', now 'happy', 'sad', 'calm'",
            "column `app.customers.visits`: position was 4, now 5");
    assertThat(changes)
        .filteredOn(SchemaChange::positionOnly)
        .extracting(SchemaChange::object)
        .containsExactly("column app.customers.lower_email", "column app.customers.visits");
    assertThat(SchemaDiff.between(before, before)).isEmpty();
    assertThat(
            SchemaDiff.between(
                snapshotOf("CREATE TABLE t (a int, b int);"),
                snapshotOf("CREATE TABLE t (a int, x int, b int); ALTER TABLE t DROP COLUMN x;")))
        .as("a dropped column leaves no gap in the positions")
        .isEmpty();
  }

  @Test
  void aSchemaMatchesTheSnapshotOfTheSameSchemaAndNoOtherWhateverKindDiffers() throws SQLException {
    SchemaSnapshot expected = snapshotOf(SCHEMA);

    assertThat(matches(SCHEMA, expected)).isTrue();
    assertThat(matches(SCHEMA + "ALTER TABLE app.orders ALTER COLUMN note SET NOT NULL;", expected))
        .as("a column differs")
        .isFalse();
    assertThat(matches(SCHEMA + "COMMENT ON COLUMN app.orders.note IS 'other';", expected))
        .as("only the last kind read differs")
        .isFalse();
    assertThat(
            matches(SCHEMA + "ALTER TABLE flyway_schema_history ADD COLUMN note text;", expected))
        .as("the tool's history table is left out, as in the snapshot")
        .isTrue();
  }

  private static boolean matches(String sql, SchemaSnapshot expected) throws SQLException {
    try (ScratchDatabase database = SharedServer.get().createScratch("schema");
        Connection connection = database.connect()) {
      try (var s = connection.createStatement()) {
        s.execute(sql);
      }
      return SchemaSnapshot.matches(connection, Set.of("flyway_schema_history"), expected);
    }
  }

  @Test
  void aFileThatIsNotASnapshotOfThisVersionIsRefused() {
    assertThat(SchemaSnapshot.fromJson("{\"schemaVersion\": 2, \"objects\": {}}")).isEmpty();
    assertThat(SchemaSnapshot.fromJson("not json")).isEmpty();
    assertThat(SchemaSnapshot.fromJson("{\"schemaVersion\": 1}")).isEmpty();
  }

  private static SchemaSnapshot snapshotOf(String sql) throws SQLException {
    try (ScratchDatabase database = SharedServer.get().createScratch("schema");
        Connection connection = database.connect()) {
      try (var s = connection.createStatement()) {
        s.execute(sql);
      }
      return SchemaSnapshot.read(connection, Set.of("flyway_schema_history"));
    }
  }
}

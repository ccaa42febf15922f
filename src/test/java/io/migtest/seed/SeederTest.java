package io.migtest.seed;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.SharedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding fills a real schema's tables with rows its constraints accept, or says why not. */
class SeederTest {
  private ScratchDatabase database;
  private Connection connection;

  @BeforeEach
  void scratch() throws SQLException {
    database = SharedServer.get().createScratch("seed");
    connection = database.connect();
  }

  @AfterEach
  void drop() throws SQLException {
    connection.close();
    database.close();
  }

  @Test
  void fillsTypesKeysEnumsDomainsAndForeignKeysParentsFirst() throws SQLException {
    sql(
        """
        CREATE TYPE mood AS ENUM ('happy', 'sad');
        CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
        CREATE SCHEMA shop;
        CREATE TABLE shop.orders (
          id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          customer_id uuid NOT NULL REFERENCES customers (id),
          code varchar(12) NOT NULL UNIQUE,
          amount numeric(6, 2) NOT NULL,
          placed timestamptz NOT NULL,
          tags text[],
          quantity positive NOT NULL,
          status text NOT NULL CHECK (status IN ('new', 'paid')),
          note text
        );
        """
            .replace("REFERENCES customers", "REFERENCES public.customers")
            .replace(
                "CREATE SCHEMA shop;",
                """
                CREATE SCHEMA shop;
                CREATE TABLE customers (
                  id uuid PRIMARY KEY,
                  email text NOT NULL UNIQUE,
                  feeling mood NOT NULL,
                  active boolean NOT NULL DEFAULT true,
                  data jsonb,
                  created_at timestamptz NOT NULL DEFAULT now(),
                  birthday date
                );
                """));

    List<TableFill> fills = new Seeder(connection, 500).seed(Set.of());

    assertThat(fills)
        .extracting(TableFill::table)
        .containsExactly("public.customers", "shop.orders");
    assertThat(fills).allMatch(TableFill::complete);
    assertThat(query("SELECT count(*) FROM shop.orders o JOIN customers c ON c.id = o.customer_id"))
        .isEqualTo("500");
    assertThat(query("SELECT count(DISTINCT feeling) FROM customers")).isEqualTo("2");
    assertThat(query("SELECT string_agg(DISTINCT status, ',') FROM shop.orders"))
        .isEqualTo("new,paid");
    assertThat(query("SELECT count(*) FROM shop.orders WHERE quantity > 0 AND tags IS NOT NULL"))
        .isEqualTo("500");
    assertThat(query("SELECT reltuples::bigint FROM pg_class WHERE relname = 'orders'"))
        .as("analyzed")
        .isEqualTo("500");
  }

  @Test
  void skipsRowsACheckRefusesAndReportsTablesItCouldNotFill() throws SQLException {
    sql(
        """
        CREATE TABLE evens (n integer NOT NULL CHECK (n % 2 = 0));
        CREATE TABLE emails (address text NOT NULL CHECK (address LIKE '%@%'));
        CREATE TABLE shapes (s circle NOT NULL);
        CREATE TABLE history_table (v integer);
        """);

    List<TableFill> fills = new Seeder(connection, 200).seed(Set.of("history_table"));

    assertThat(fills).extracting(TableFill::table).doesNotContain("public.history_table");
    TableFill evens = fill(fills, "public.evens");
    assertThat(evens.rows()).isEqualTo(100);
    assertThat(evens.reason()).contains("evens_n_check");
    TableFill emails = fill(fills, "public.emails");
    assertThat(emails.rows()).isZero();
    assertThat(emails.reason()).contains("emails_address_check");
    TableFill shapes = fill(fills, "public.shapes");
    assertThat(shapes.rows()).isZero();
    assertThat(shapes.reason()).contains("column s is circle NOT NULL");
    assertThat(query("SELECT count(*) FROM history_table")).isEqualTo("0");
  }

  @Test
  void twoKeysToOneParentPointAtDifferentRowsAndNamedTextHasItsShape() throws SQLException {
    sql(
        """
        CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL
          CHECK (position('@' IN email) > 1), website varchar(100), phone text);
        CREATE TABLE contacts (user_id bigint NOT NULL REFERENCES users,
          contact_id bigint NOT NULL REFERENCES users, CHECK (user_id <> contact_id));
        """);

    List<TableFill> fills = new Seeder(connection, 20).seed(Set.of());

    assertThat(fills).allSatisfy(f -> assertThat(f.complete()).as(f.reason()).isTrue());
    assertThat(query("SELECT email || ' ' || website || ' ' || phone FROM users WHERE id = 7"))
        .isEqualTo("user7@example.com https://example.com/7 +15550000007");
    assertThat(query("SELECT count(DISTINCT user_id) FROM contacts WHERE user_id <> contact_id"))
        .isEqualTo("20");
  }

  @Test
  void seedingEmptyTablesKeepsTheRowsOfOthersAndPointsAtThem() throws SQLException {
    sql(
        """
        CREATE TABLE plans (id bigint PRIMARY KEY, name text NOT NULL);
        INSERT INTO plans VALUES (10, 'free'), (20, 'pro');
        CREATE TABLE accounts (id bigint PRIMARY KEY, plan_id bigint NOT NULL REFERENCES plans);
        """);

    List<TableFill> fills = new Seeder(connection, 6).seedEmpty(Set.of());

    assertThat(fills).extracting(TableFill::table).containsExactly("public.accounts");
    assertThat(query("SELECT count(*) FROM plans")).isEqualTo("2");
    assertThat(query("SELECT string_agg(DISTINCT plan_id::text, ',') FROM accounts"))
        .isEqualTo("10,20");
  }

  @Test
  void aNullableSelfReferenceStaysNullAndAMandatoryOneIsReported() throws SQLException {
    sql(
        """
        CREATE TABLE tree (id integer PRIMARY KEY, parent integer REFERENCES tree (id));
        CREATE TABLE chain (id integer PRIMARY KEY, next integer NOT NULL REFERENCES chain (id));
        CREATE TABLE only_defaults (id serial PRIMARY KEY, at timestamptz DEFAULT now());
        """);

    List<TableFill> fills = new Seeder(connection, 50).seed(Set.of());

    assertThat(fill(fills, "public.tree").rows()).isEqualTo(50);
    assertThat(query("SELECT count(parent) FROM tree")).isEqualTo("0");
    assertThat(fill(fills, "public.chain").reason()).contains("references the table itself");
    assertThat(fill(fills, "public.only_defaults").rows()).isEqualTo(50);
  }

  @Test
  void documentsCarryTheKeysThatGeneratedColumnsRead() throws SQLException {
    sql(
        """
        CREATE FUNCTION parse_iso(text) RETURNS timestamptz IMMUTABLE LANGUAGE sql
          AS 'SELECT $1::timestamptz';
        CREATE TYPE state AS ENUM ('CREATED', 'RUNNING');
        CREATE FUNCTION state_of(text) RETURNS state IMMUTABLE LANGUAGE sql AS 'SELECT $1::state';
        CREATE TABLE flows (
          key varchar(250) NOT NULL PRIMARY KEY,
          value jsonb NOT NULL,
          namespace varchar(150) NOT NULL GENERATED ALWAYS AS (value ->> 'namespace') STORED,
          deleted boolean NOT NULL GENERATED ALWAYS AS (CAST(value ->> 'deleted' AS boolean)) STORED,
          source_id varchar(100) GENERATED ALWAYS AS (value #>> '{source, id}') STORED,
          worker varchar(36) NOT NULL GENERATED ALWAYS AS (value -> 'worker' ->> 'uuid') STORED,
          current state NOT NULL GENERATED ALWAYS AS (state_of(value #>> '{state, current}')) STORED,
          updated timestamptz NOT NULL
            GENERATED ALWAYS AS (parse_iso(value ->> 'updated')) STORED
        );
        """);

    List<TableFill> fills = new Seeder(connection, 300).seed(Set.of());

    assertThat(fills.get(0).reason()).isNull();
    assertThat(fills.get(0).rows()).isEqualTo(300);
    assertThat(query("SELECT count(DISTINCT namespace) FROM flows")).isEqualTo("300");
    assertThat(query("SELECT count(source_id) FROM flows")).isEqualTo("300");
    assertThat(query("SELECT count(DISTINCT current) FROM flows")).isEqualTo("2");
  }

  @Test
  void aScaleTheServersDiskCannotHoldIsRefusedWithTheFigures() throws SQLException {
    sql("CREATE TABLE wide (id bigint PRIMARY KEY, a text, b text, c timestamptz, d jsonb)");

    assertThat(SeedSize.refusal(connection, 10_000, 3)).isEmpty();
    assertThat(SeedSize.refusal(connection, 100_000_000_000L, 3))
        .hasValueSatisfying(
            message ->
                assertThat(message)
                    .contains("Seeding 100000000000 rows into each of the 1 tables")
                    .containsPattern("about \\d+ MB for the seeded state and its clones")
                    .containsPattern("disk has \\d+ MB free")
                    .contains("Lower performance.scale"));
  }

  private static TableFill fill(List<TableFill> fills, String table) {
    return fills.stream().filter(f -> f.table().equals(table)).findFirst().orElseThrow();
  }

  private void sql(String sql) throws SQLException {
    try (var s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private String query(String sql) throws SQLException {
    try (var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

package io.migtest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.SharedServer;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data gate on a real PostgreSQL, with the classic data bugs of migrations and a correct twin
 * of each that must pass. Every migration of these histories counts as new, so each runs on rows
 * seeded into the tables that the ones before it created.
 */
class DataGateTest {
  @TempDir Path project;

  private void customers() throws IOException {
    write(
        "migrations/1_customers.up.sql",
        "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);");
    write("migrations/1_customers.down.sql", "DROP TABLE customers;");
  }

  @Test
  void aColumnDroppedInUpAndAddedAgainEmptyInDownLosesItsValues() throws IOException {
    customers();
    write("migrations/2_email.up.sql", "ALTER TABLE customers DROP COLUMN email;");
    write("migrations/2_email.down.sql", "ALTER TABLE customers ADD COLUMN email text;");

    GateResult result = data();

    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("data-not-restored");
    Finding finding = result.findings().get(0);
    assertThat(finding.file()).isEqualTo("migrations/2_email.down.sql");
    assertThat(finding.message())
        .contains("table public.customers does not hold the rows it held before the migration")
        .contains("100 rows before and after, with different values in column email")
        .contains(
            "before, not after: {\"id\": 1, \"name\": \"v1-caa9\", \"email\": \"user1@example.com\"}")
        .contains("after, not before: {\"id\": 1, \"name\": \"v1-caa9\", \"email\": null}");
  }

  @Test
  void aColumnRenamedAndRenamedBackKeepsEveryRow() throws IOException {
    customers();
    write("migrations/2_email.up.sql", "ALTER TABLE customers RENAME COLUMN email TO mail;");
    write("migrations/2_email.down.sql", "ALTER TABLE customers RENAME COLUMN mail TO email;");

    GateResult result = data();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
    assertThat(result.summary())
        .isEqualTo(
            "2 migrations checked on 100 generated rows per table; 2 rolled back and compared");
  }

  @Test
  void aColumnTheDownLeavesBehindIsNoDataChangeAndATriggersTimestampOnlyANote() throws IOException {
    write(
        "migrations/1_tokens.up.sql",
        """
        CREATE TABLE tokens (id bigint PRIMARY KEY, value text NOT NULL, updated_at timestamptz);
        CREATE FUNCTION stamp() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
        CREATE TRIGGER tokens_stamp BEFORE UPDATE ON tokens FOR EACH ROW EXECUTE FUNCTION stamp();
        """);
    write("migrations/1_tokens.down.sql", "DROP TABLE tokens;\nDROP FUNCTION stamp();");
    write(
        "migrations/2_flags.up.sql",
        "ALTER TABLE tokens ADD COLUMN enabled boolean;\nUPDATE tokens SET enabled = true;");
    write("migrations/2_flags.down.sql", "SELECT 'the column stays, unused';");

    GateResult result = data();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("data-not-restored");
    Finding note = result.findings().get(0);
    assertThat(note.severity()).isEqualTo(Severity.INFO);
    assertThat(note.message())
        .contains("differs from before the migration only in column updated_at")
        .doesNotContain("enabled");
  }

  @Test
  void anUpdateWithoutWhereThatTheDownCannotUndoIsFound() throws IOException {
    customers();
    write(
        "migrations/2_active.up.sql",
        "ALTER TABLE customers ADD COLUMN active boolean NOT NULL DEFAULT true;\n"
            + "UPDATE customers SET email = NULL;");
    write("migrations/2_active.down.sql", "ALTER TABLE customers DROP COLUMN active;");

    GateResult result = data();

    assertThat(result.findings()).extracting(Finding::rule).containsExactly("data-not-restored");
    assertThat(result.findings().get(0).file()).isEqualTo("migrations/2_active.down.sql");
    assertThat(result.findings().get(0).message())
        .contains("\"email\": \"user1@example.com\"")
        .contains("after, not before: {\"id\": 1, \"name\": \"v1-caa9\", \"email\": null}");
  }

  @Test
  void aBackfillIntoANewColumnThatTheDownDropsPasses() throws IOException {
    customers();
    write(
        "migrations/2_names.up.sql",
        "ALTER TABLE customers ADD COLUMN shout text;\nUPDATE customers SET shout = upper(name);");
    write("migrations/2_names.down.sql", "ALTER TABLE customers DROP COLUMN shout;");

    GateResult result = data();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void rowsThatATriggerRemovesWhileTheMigrationShowsNoDeleteAreLost() throws IOException {
    write(
        "migrations/1_items.up.sql",
        """
        CREATE TABLE items (id bigint PRIMARY KEY, name text NOT NULL);
        CREATE FUNCTION drop_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN DELETE FROM items WHERE id = NEW.id; RETURN NULL; END $$;
        CREATE TRIGGER items_renamed AFTER UPDATE ON items FOR EACH ROW EXECUTE FUNCTION drop_renamed();
        """);
    write("migrations/2_rename.up.sql", "UPDATE items SET name = upper(name) WHERE id > 40;");

    GateResult result = data();

    assertThat(result.findings()).extracting(Finding::rule).containsExactly("rows-lost");
    Finding lost = result.findings().get(0);
    assertThat(lost.severity()).isEqualTo(Severity.ERROR);
    assertThat(lost.file()).isEqualTo("migrations/2_rename.up.sql");
    assertThat(lost.message())
        .startsWith(
            "Table public.items lost 60 of its 100 rows, and the migration does not visibly");
  }

  @Test
  void rowsADeleteRemovesAndATableRenamedAreNoLoss() throws IOException {
    customers();
    write(
        "migrations/2_cleanup.up.sql",
        "DELETE FROM customers WHERE id > 90;\nALTER TABLE customers RENAME TO clients;");

    GateResult result = data();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void rowsLostWhileCodeMigtestCannotReadRanAreAWarningAtThatLine() throws IOException {
    customers();
    write(
        "migrations/2_purge.up.sql",
        """
        CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM customers WHERE id > 50 $$;
        SELECT purge();
        DROP FUNCTION purge();
        """);

    GateResult result = data();

    assertThat(result.findings()).extracting(Finding::rule).containsExactly("rows-lost");
    Finding lost = result.findings().get(0);
    assertThat(lost.severity()).isEqualTo(Severity.WARNING);
    assertThat(lost.line()).isEqualTo(2);
    assertThat(lost.message()).contains("lost 50 of its 100 rows").contains("on line 2 do");
  }

  @Test
  void aNotValidForeignKeyOverOrphanRowsOfTheSeedFilesIsFound() throws IOException {
    customers();
    write(
        "migrations/2_orders.up.sql",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);");
    write(
        "migrations/3_fk.up.sql",
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
            + "  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;");
    write("migtest.yml", "data:\n  seed: db/seed\n");
    write(
        "db/seed/1_customers.sql",
        "INSERT INTO customers (id, name) VALUES (1, 'Ada'), (2, 'Grace');");
    write("db/seed/2_orders.sql", "INSERT INTO orders VALUES (10, 1), (11, 2), (12, 3);");

    GateResult result = data("2_orders");

    assertThat(result.findings()).extracting(Finding::rule).containsExactly("foreign-key-orphans");
    assertThat(result.findings().get(0).message())
        .contains("1 row of public.orders point at no row of customers")
        .contains("orders_customer_fk, which is NOT VALID")
        .contains("{\"id\": 12, \"customer_id\": 3}");
    assertThat(result.summary()).contains("on the rows of 2 seed files");
  }

  @Test
  void aNotValidForeignKeyOverMatchingRowsPasses() throws IOException {
    customers();
    write(
        "migrations/2_orders.up.sql",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);");
    write(
        "migrations/3_fk.up.sql",
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk\n"
            + "  FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;");

    GateResult result = data();

    assertThat(result.status()).as(result.findings().toString()).isEqualTo(GateStatus.PASS);
  }

  @Test
  void aNotValidCheckTheRowsBreakIsFoundAndOneTheyKeepPasses() throws IOException {
    customers();
    write(
        "migrations/2_checks.up.sql",
        "ALTER TABLE customers ADD CONSTRAINT short_name CHECK (length(name) < 3) NOT VALID;\n"
            + "ALTER TABLE customers ADD CONSTRAINT has_name CHECK (name <> '') NOT VALID;");

    GateResult result = data();

    assertThat(result.findings())
        .extracting(Finding::rule)
        .containsExactly("constraint-does-not-validate");
    Finding finding = result.findings().get(0);
    assertThat(finding.sqlstate()).isEqualTo("23514");
    assertThat(finding.message()).contains("NOT VALID constraint short_name on customers");
  }

  @Test
  void aNotNullColumnWithoutDefaultFailsOnTheRowsOfATableAnEarlierMigrationCreated()
      throws IOException {
    customers();
    write("migrations/2_phone.up.sql", "ALTER TABLE customers ADD COLUMN phone text NOT NULL;");

    GateResult result = data();

    assertThat(result.findings()).extracting(Finding::rule).containsExactly("fails-on-seeded-data");
    Finding failure = result.findings().get(0);
    assertThat(failure.file()).isEqualTo("migrations/2_phone.up.sql");
    assertThat(failure.sqlstate()).isEqualTo("23502");
    assertThat(result.summary())
        .startsWith("1 migration of 2 checked")
        .contains("1 failed on the rows (fails-on-seeded-data)");
  }

  @Test
  void aTableTheGeneratedRowsCannotFillIsNotedAsCheckedEmpty() throws IOException {
    write(
        "migrations/1_codes.up.sql",
        "CREATE TABLE codes (code char(2) NOT NULL CHECK (code ~ '^[A-Z]{2}$'));");
    write("migrations/2_more.up.sql", "ALTER TABLE codes ADD COLUMN note text;");

    GateResult result = data();

    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("seed-incomplete");
              assertThat(f.message())
                  .contains("Seeding put 0 of 100 rows into public.codes")
                  .contains("checks it empty")
                  .contains("seed file");
            });
  }

  @Test
  void aMigrationThatFailsWithoutRowsTooIsLeftToTheApplyGate() throws IOException {
    customers();
    write("migrations/2_broken.up.sql", "SELECT 1/0;");

    GateResult result = data();

    assertThat(result.findings()).isEmpty();
    assertThat(result.summary())
        .endsWith(
            "stopped at migrations/2_broken.up.sql, which fails without rows too (the apply gate"
                + " reports it)");
  }

  @Test
  void aSeedFileThatFailsIsAFindingAtItsLine() throws IOException {
    customers();
    write("migrations/2_index.up.sql", "CREATE INDEX customers_name ON customers (name);");
    write(
        "db/seed/customers.sql",
        "INSERT INTO customers (id, name) VALUES (1, 'Ada');\nINSERT INTO nowhere VALUES (1);");

    GateResult result = data("1_customers");

    assertThat(result.status()).as(result.summary()).isEqualTo(GateStatus.FAIL);
    assertThat(result.findings()).extracting(Finding::rule).containsExactly("seed-file-failed");
    Finding finding = result.findings().get(0);
    assertThat(finding.file()).isEqualTo("db/seed/customers.sql");
    assertThat(finding.line()).isEqualTo(2);
    assertThat(finding.sqlstate()).isEqualTo("42P01");
  }

  /** Runs the gate with every migration new. */
  private GateResult data() {
    return run(ConfigResolver.resolve(project, null, Map.of(), Map.of()));
  }

  /** Runs the gate with the migrations up to the one whose file contains {@code base} as base. */
  private GateResult data(String base) {
    Config config = ConfigResolver.resolve(project, null, Map.of(), Map.of());
    MigrationHistory head = ProjectLoader.load(config).head();
    List<Migration> all = head.migrations();
    int upTo = 0;
    while (!all.get(upTo).file().contains(base)) {
      upTo++;
    }
    MigrationHistory baseHistory =
        new MigrationHistory(head.layout(), head.directory(), all.subList(0, upTo + 1), List.of());
    return run(config, MigrationComparison.compare(head, baseHistory, "base"));
  }

  private GateResult run(Config config) {
    return run(config, ProjectLoader.load(config));
  }

  private GateResult run(Config config, MigrationComparison migrations) {
    try (GateContext context =
        GateContext.of(
            config.gates(),
            migrations,
            DatabaseAccess.of(SharedServer.get(), config.timeouts()),
            List.of(),
            List.of(),
            null,
            Progress.SILENT)) {
      return new DataGate().run(context);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

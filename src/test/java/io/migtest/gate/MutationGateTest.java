package io.migtest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.SharedServer;
import io.migtest.mutation.MutantStatus;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.SqlTests;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mutation gate on a real PostgreSQL: mutants of the new migrations against SQL tests. */
class MutationGateTest {
  @TempDir Path project;

  private static final String USERS_TEST =
      """
      -- migtest:expect-error 23502
      INSERT INTO users (id, email) VALUES (1, NULL);
      """;

  @Test
  void aTestKillsTheMutantItPinsDownAndTheOthersSurviveWithTheTestThatWouldKillThem()
      throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);");
    write("migrations/1_users.down.sql", "DROP TABLE users;");
    write("migrations/2_email.up.sql", "CREATE INDEX users_email ON users (email);");
    write("migrations/2_email.down.sql", "DROP INDEX users_email;");

    GateResult result = mutate(tests(USERS_TEST));

    MutationOutcome outcome = result.mutation();
    assertThat(outcome.mutants())
        .extracting(m -> m.operator() + " " + m.change() + ": " + m.status() + " " + m.killedBy())
        .containsExactlyInAnyOrder(
            "SCH_001 NOT NULL of `email` dropped: KILLED test:db/tests/users.sql",
            "SCH_003 PRIMARY KEY of `id` dropped: SURVIVED null",
            "SCH_010 type of `id` made `integer`: SURVIVED null",
            "SCH_010 type of `email` made `varchar(50)`: SURVIVED null",
            "RBK_001 down statement deleted: KILLED gate:rollback",
            "PRF_005 `CREATE INDEX users_email` deleted: SURVIVED null",
            "RBK_001 down statement deleted: KILLED gate:rollback");
    assertThat(outcome.score()).isEqualTo(42.9);
    assertThat(outcome.scoreFromTests()).isEqualTo(14.3);
    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.summary())
        .isEqualTo("score 42.9% (threshold 80%), 14.3% from your tests; 3 killed, 4 survived");
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("mutant-survived"))
        .extracting(f -> f.file() + ":" + f.line())
        .contains("migrations/1_users.up.sql:1", "migrations/2_email.up.sql:1");
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("mutation-score-below-threshold"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Mutation score 42.9% is below"));
  }

  @Test
  void shardsTogetherRunEachMutantOnceWithTheStatusesOfAnUnshardedRun() throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, n int"
            + " CHECK (n > 0));");
    write("migrations/1_users.down.sql", "DROP TABLE users;");

    MutationOutcome whole = mutate(tests(USERS_TEST), Map.of()).mutation();
    GateResult first = mutate(tests(USERS_TEST), Map.of("shard", "1/2"));
    GateResult second = mutate(tests(USERS_TEST), Map.of("shard", "2/2"));

    List<String> sharded = new java.util.ArrayList<>();
    for (GateResult shard : List.of(first, second)) {
      shard.mutation().mutants().forEach(m -> sharded.add(m.id() + " " + m.status()));
    }
    assertThat(sharded)
        .containsExactlyInAnyOrderElementsOf(
            whole.mutants().stream().map(m -> m.id() + " " + m.status()).toList());
    assertThat(first.mutation().mutants()).isNotEmpty();
    assertThat(second.mutation().mutants()).isNotEmpty();
    assertThat(first.summary())
        .endsWith(
            "; shard 1/2: "
                + first.mutation().mutants().size()
                + " of "
                + whole.mutants().size()
                + " mutants");
  }

  @Test
  void mutantsOfATableNoTestNamesAreNotCoveredAndNotRun() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int, email text NOT NULL);");
    write("migrations/2_audit.up.sql", "CREATE TABLE audit (id int, note text NOT NULL);");

    GateResult result = mutate(tests(USERS_TEST));

    assertThat(result.mutation().mutants())
        .filteredOn(m -> m.file().equals("migrations/2_audit.up.sql"))
        .extracting(m -> m.status() + " " + m.detail())
        .containsOnly("NO_COVERAGE No test names or touches `audit`");
    assertThat(result.mutation().coveredScore()).isGreaterThan(result.mutation().score());
  }

  @Test
  void aTestThatReachesATableThroughAFunctionCoversAndKillsItsMutants() throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " email text NOT NULL);\n"
            + "CREATE FUNCTION register(e text) RETURNS void LANGUAGE sql"
            + " AS $$ INSERT INTO users (email) VALUES (e) $$;");
    String signUp =
        """
        SELECT register('ann@example.com');
        -- migtest:expect-error 23502
        SELECT register(NULL);
        """;

    GateResult result = mutate(tests("db/tests/sign_up.sql", signUp));

    assertThat(result.mutation().mutants())
        .filteredOn(m -> m.operator().equals("SCH_001"))
        .extracting(m -> m.status() + " " + m.killedBy())
        .containsExactly("KILLED test:db/tests/sign_up.sql");
    assertThat(result.mutation().mutants())
        .extracting(m -> m.status().name())
        .doesNotContain("NO_COVERAGE");
  }

  @Test
  void aBackfillDeletedIsKilledOnRowsSeededBeforeItsMigrationByATestOfTheInvariant()
      throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);");
    write(
        "migrations/2_shout.up.sql",
        "ALTER TABLE users ADD COLUMN shout text;\nUPDATE users SET shout = upper(name);");
    String invariant =
        """
        -- migtest:expect-rows 0
        SELECT id FROM users WHERE shout IS DISTINCT FROM upper(name);
        """;

    GateResult result = mutate(tests("db/tests/shout.sql", invariant));

    MutationOutcome.Entry mutant = only(result, "DAT_003");
    assertThat(mutant.status()).isEqualTo(MutantStatus.KILLED);
    assertThat(mutant.killedBy()).isEqualTo("test:db/tests/shout.sql");
    assertThat(mutant.detail()).endsWith("(on 20 rows per table seeded before the migration)");
  }

  @Test
  void aBackfillDeletedBeforeSetNotNullGivesItselfAwayOnSeededRowsAndIsInvalid()
      throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name text);");
    write(
        "migrations/2_shout.up.sql",
        "ALTER TABLE users ADD COLUMN shout text;\n"
            + "UPDATE users SET shout = coalesce(upper(name), '');\n"
            + "ALTER TABLE users ALTER COLUMN shout SET NOT NULL;");

    GateResult result = mutate(tests("SELECT 1 FROM users;"));

    MutationOutcome.Entry mutant = only(result, "DAT_003");
    assertThat(mutant.status()).isEqualTo(MutantStatus.INVALID);
    assertThat(mutant.detail())
        .startsWith("fails on 20 rows per table seeded before the migration")
        .contains("23502");
  }

  @Test
  void aMutantThatBreaksADeferredForeignKeyFailsAtItsMigrationsCommitAndIsInvalid()
      throws IOException {
    write(
        "migrations/1_tree.up.sql",
        "CREATE TABLE parent (id int PRIMARY KEY);\n"
            + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);");
    write(
        "migrations/2_rows.up.sql",
        "INSERT INTO child VALUES (1);\nINSERT INTO parent VALUES (1);");

    GateResult result = mutate(tests("SELECT 1 FROM child JOIN parent ON parent.id = parent_id;"));

    MutationOutcome.Entry parentDeleted =
        result.mutation().mutants().stream()
            .filter(e -> e.operator().equals("DAT_003"))
            .filter(e -> e.original().startsWith("INSERT INTO parent"))
            .findFirst()
            .orElseThrow();
    assertThat(parentDeleted.status())
        .as("deleting the parent's row breaks the child's key when the migration commits")
        .isEqualTo(MutantStatus.INVALID);
    assertThat(parentDeleted.detail()).contains("COMMIT failed").contains("foreign key");
  }

  @Test
  void mutantsThatCannotDifferAreEquivalentAndNotCounted() throws IOException {
    write(
        "migrations/1_users.up.sql",
        "CREATE TABLE users (id int NOT NULL, email text DEFAULT NULL, CONSTRAINT users_pk"
            + " PRIMARY KEY (id), CONSTRAINT users_id_check CHECK (id IS NOT NULL));");

    GateResult result = mutate(tests("SELECT * FROM users;"));

    assertThat(result.mutation().mutants())
        .filteredOn(m -> List.of("SCH_001", "SCH_007", "SCH_009").contains(m.operator()))
        .extracting(m -> m.operator() + " " + m.status() + " " + m.detail())
        .containsExactlyInAnyOrder(
            "SCH_001 EQUIVALENT a primary key column is NOT NULL anyway",
            "SCH_007 EQUIVALENT the column is NOT NULL anyway",
            "SCH_009 EQUIVALENT it builds the same schema as the original");
    assertThat(result.mutation().counts()).doesNotContainKey(MutantStatus.KILLED);
    assertThat(result.summary()).contains("3 equivalent");
  }

  @Test
  void aMutantThatRunsPastItsTimeBudgetIsATimeoutAndCountsAsDetected() throws IOException {
    write(
        "migrations/1_jobs.up.sql",
        """
        CREATE TABLE jobs (id int PRIMARY KEY, done boolean NOT NULL DEFAULT false);
        INSERT INTO jobs (id) SELECT generate_series(1, 3);
        UPDATE jobs SET done = (pg_sleep(3) IS NULL) WHERE id > 5;
        """);

    GateResult result = mutate(tests("SELECT * FROM jobs;"));

    MutationOutcome.Entry mutant = only(result, "DAT_001");
    assertThat(mutant.status()).isEqualTo(MutantStatus.TIMEOUT);
    assertThat(mutant.detail()).startsWith("ran out of time: migrations/1_jobs.up.sql:3");
  }

  @Test
  void aMigrationThatLosesItsLockTimeoutWaitsBehindABlockerAndTimesOut() throws IOException {
    write("migrations/1_accounts.up.sql", "CREATE TABLE accounts (id int PRIMARY KEY);\n");
    write(
        "migrations/2_note.up.sql",
        "SET lock_timeout = '1s';\nALTER TABLE accounts ADD COLUMN note text;\n");

    GateResult result = mutate(tests("SELECT * FROM accounts;"));

    MutationOutcome.Entry mutant = only(result, "PRF_004");
    assertThat(mutant.status()).isEqualTo(MutantStatus.TIMEOUT);
    assertThat(mutant.detail())
        .contains("holding ACCESS SHARE on public.accounts")
        .contains("(55P03) and the mutant was still waiting");
  }

  @Test
  void anIndexBuiltWithoutConcurrentlyIsKilledByItsStrongerLock() throws IOException {
    write(
        "migrations/1_orders.up.sql",
        "CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL);\n");
    write(
        "migrations/2_orders_by_customer.up.sql",
        "CREATE INDEX CONCURRENTLY orders_by_customer ON orders (customer_id);\n");

    GateResult result = mutate(tests("SELECT * FROM orders;"));

    MutationOutcome.Entry mutant = only(result, "PRF_001");
    assertThat(mutant.status()).isEqualTo(MutantStatus.KILLED);
    assertThat(mutant.killedBy()).isEqualTo("gate:performance");
    assertThat(mutant.detail()).contains("ShareLock on public.orders");
  }

  @Test
  void aSqitchVerifyScriptThatRaisesDuringTheDeployKillsTheMutant() throws IOException {
    write("sqitch.conf", "[deploy]\n\tverify = true\n");
    write("sqitch.plan", "%project=app\n\nusers 2024-01-01T00:00:00Z a <a@b> # users\n");
    write(
        "deploy/users.sql", "BEGIN;\nCREATE TABLE users (id int, email text NOT NULL);\nCOMMIT;\n");
    write(
        "verify/users.sql",
        "SELECT 1 / (CASE is_nullable WHEN 'NO' THEN 1 ELSE 0 END)\n"
            + "FROM information_schema.columns\n"
            + "WHERE table_name = 'users' AND column_name = 'email';\n");

    GateResult result = mutate(List.of());

    MutationOutcome.Entry mutant = only(result, "SCH_001");
    assertThat(mutant.status()).isEqualTo(MutantStatus.KILLED);
    assertThat(mutant.killedBy()).isEqualTo("test:verify/users.sql");
    assertThat(result.mutation().mutants())
        .filteredOn(m -> m.status() == MutantStatus.SURVIVED)
        .isNotEmpty()
        .allSatisfy(
            m ->
                assertThat(m.detail())
                    .startsWith("The verify scripts the deploy runs pass on the mutant"));
  }

  @Test
  void aDownMutantThatChangesNothingSurvivesEvenWhenTheUpStampsRowsWithTheTime()
      throws IOException {
    write(
        "migrations/1_events.up.sql",
        "CREATE TABLE events (id int PRIMARY KEY, kind text, touched_at timestamptz);");
    write("migrations/1_events.down.sql", "DROP TABLE events;");
    write("migrations/2_touch.up.sql", "UPDATE events SET touched_at = clock_timestamp();");
    write("migrations/2_touch.down.sql", "UPDATE events SET kind = kind WHERE id < 0;");

    GateResult result = mutate(tests("SELECT * FROM events;"));

    assertThat(result.mutation().mutants())
        .filteredOn(m -> m.file().equals("migrations/2_touch.down.sql"))
        .extracting(m -> m.operator() + " " + m.status())
        .containsExactlyInAnyOrder("RBK_002 SURVIVED", "RBK_005 SURVIVED", "RBK_005 SURVIVED");
  }

  @Test
  void rowsThatADownScriptStampsWithTheTimeCannotKillItsMutants() throws IOException {
    write(
        "migrations/1_events.up.sql",
        "CREATE TABLE events (id int PRIMARY KEY, kind text, touched_at timestamptz);");
    write("migrations/2_kind.up.sql", "UPDATE events SET kind = 'seen';");
    write(
        "migrations/2_kind.down.sql",
        "UPDATE events SET kind = kind WHERE id < 0;\n"
            + "UPDATE events SET touched_at = clock_timestamp();\n");

    GateResult result = mutate(tests("SELECT * FROM events;"));

    // Two runs of the original down leave events with other times: its rows cannot tell a mutant
    // apart, so no mutant is killed for them.
    assertThat(result.mutation().mutants())
        .filteredOn(m -> m.file().equals("migrations/2_kind.down.sql"))
        .extracting(m -> m.operator() + " " + m.status())
        .containsExactlyInAnyOrder(
            "RBK_002 SURVIVED", "RBK_002 SURVIVED", "RBK_005 SURVIVED", "RBK_005 SURVIVED");
  }

  @Test
  void testsThatFailWithoutAnyMutantStopTheGate() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int, email text);");

    GateResult result = mutate(tests(USERS_TEST));

    assertThat(result.status()).isEqualTo(GateStatus.FAIL);
    assertThat(result.summary()).isEqualTo("not run: the tests fail without any mutant");
    assertThat(result.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("mutation-baseline-fails");
              assertThat(f.file()).isEqualTo("db/tests/users.sql");
              assertThat(f.message()).contains("the first: ").contains("23502");
            });
    assertThat(result.mutation()).isNull();
  }

  @Test
  void withoutTestsThereIsNothingToScore() throws IOException {
    write("migrations/1_users.up.sql", "CREATE TABLE users (id int NOT NULL);");

    GateResult result = mutate(List.of());

    assertThat(result.status()).isEqualTo(GateStatus.SKIP);
    assertThat(result.summary()).startsWith("no tests of the migrations to kill mutants");
  }

  /** The one mutant of {@code operator} in the gate's result. */
  private static MutationOutcome.Entry only(GateResult result, String operator) {
    List<MutationOutcome.Entry> of =
        result.mutation().mutants().stream().filter(m -> m.operator().equals(operator)).toList();
    assertThat(of).as("mutants of " + operator).hasSize(1);
    return of.get(0);
  }

  private static List<Oracle> tests(String users) {
    return tests("db/tests/users.sql", users);
  }

  private static List<Oracle> tests(String file, String text) {
    return List.of(new SqlTests(List.of(SqlScript.of(file, text, TransactionMode.AUTOCOMMIT))));
  }

  private GateResult mutate(List<Oracle> oracles) {
    return mutate(oracles, Map.of());
  }

  private GateResult mutate(List<Oracle> oracles, Map<String, String> settings) {
    Map<String, io.migtest.config.Setting> flags = new java.util.HashMap<>();
    settings.forEach((k, v) -> flags.put(k, new io.migtest.config.Setting(v, "test")));
    Config config = ConfigResolver.resolve(project, null, Map.of(), flags);
    try (GateContext context =
        GateContext.of(
            config.gates(),
            ProjectLoader.load(config),
            DatabaseAccess.of(SharedServer.get(), config.timeouts()),
            List.of(),
            oracles,
            null,
            Progress.SILENT)) {
      return new MutationGate().run(context);
    }
  }

  private void write(String relative, String content) throws IOException {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.TestGit;
import io.migtest.db.SharedServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The performance gate and {@code migtest baseline update} on a real PostgreSQL: the base branch's
 * tables seeded, the pull request's migrations measured, judged against the committed baseline.
 */
class PerformanceGateTest {
  @TempDir Path repo;

  @BeforeEach
  void baseBranchWithTwoTables() throws IOException {
    git("init", "-q", "-b", "main");
    // Scale 1,000 and one run each: set for every test in pom.xml (MIGTEST_PERFORMANCE_*).
    write(
        "db/migrations/V1__tables.sql",
        """
        CREATE TABLE users (id int PRIMARY KEY, name text NOT NULL,
                            plan text NOT NULL CHECK (plan IN ('free', 'pro')));
        CREATE TABLE orders (id int PRIMARY KEY, user_id int NOT NULL REFERENCES users (id),
                             amount int NOT NULL);
        """);
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
  }

  @Test
  void aRewriteIsAWarningUntilTheBaselineAcceptsItAndAnErrorWhenTheBaselineLacksIt()
      throws IOException {
    write(
        "db/migrations/V2__token.sql",
        "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();");

    CliRun first = check();
    assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
    assertThat(first.out())
        .contains("performance  WARN")
        .contains("[large-table-rewrite] The migration rewrote public.users (1000 rows seeded)")
        .contains("[access-exclusive-on-large-table]")
        .contains("No baseline has this migration yet");
    JsonNode measured = report().path("performance").path("migrations").get(0);
    assertThat(measured.path("file").asText()).isEqualTo("db/migrations/V2__token.sql");
    assertThat(measured.path("rewrites").toString()).isEqualTo("[\"public.users\"]");
    assertThat(measured.path("locks").get(0).path("mode").asText())
        .isEqualTo("AccessExclusiveLock");
    assertThat(measured.path("walBytes").asLong()).isPositive();
    assertThat(report().path("performance").path("seeded").toString())
        .contains("\"rows\":1000,\"requested\":1000");

    CliRun update = run("baseline", "update", repo.toString(), "--base", "main");
    assertThat(update.exitCode()).as(update.out() + update.err()).isZero();
    assertThat(update.out()).contains("baseline written to .migtest/baseline.json");
    JsonNode baseline =
        new ObjectMapper().readTree(repo.resolve(".migtest/baseline.json").toFile());
    assertThat(baseline.path("scale").asLong()).isEqualTo(1000);
    assertThat(baseline.path("migrations").path("db/migrations/V2__token.sql").path("rewrites"))
        .hasSize(1);

    CliRun accepted = check();
    assertThat(accepted.exitCode()).isZero();
    assertThat(accepted.out())
        .contains("performance  PASS")
        .contains("against .migtest/baseline.json");

    write(
        "db/migrations/V2__token.sql",
        "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();\n"
            + "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;");
    CliRun worse = check();
    assertThat(worse.exitCode()).isEqualTo(1);
    assertThat(worse.out())
        .contains("performance  FAIL")
        .contains("The migration rewrote public.orders (1000 rows seeded)")
        .contains("The baseline does not have it")
        .doesNotContain("rewrote public.users");
  }

  @Test
  void aSlowdownAgainstTheBaselineFailsAndTheReportShowsTheChange() throws IOException {
    write("migtest.yml", "performance:\n  noise-floor: 1ms\n");
    write("db/migrations/V2__names.sql", "UPDATE users SET name = name || '!';");
    write(
        ".migtest/baseline.json",
        """
        {"schemaVersion": 1, "scale": 1000, "migrations": {"db/migrations/V2__names.sql":
          {"durationMs": 0.1, "walBytes": 0, "rewrites": [], "locks": []}}}
        """);

    CliRun slower = check();

    assertThat(slower.exitCode()).isEqualTo(1);
    assertThat(slower.out())
        .contains("[performance-regression] The migration took")
        .contains("more than the baseline's 0.1 ms");
    String markdown = Files.readString(repo.resolve("out/report.md"));
    assertThat(markdown)
        .contains("### Performance: 1000 rows per table, median of 1 run")
        .contains("| ` db/migrations/V2__names.sql ` |")
        .containsPattern("\\+\\d+% time, new WAL");
  }

  @Test
  void aMigrationThatFailsOnlyWithRowsFailsTheGateAtItsLine() throws IOException {
    write(
        "db/migrations/V2__region.sql",
        "ALTER TABLE users ADD COLUMN note text;\nALTER TABLE orders ADD COLUMN region text NOT NULL;");

    CliRun run = check();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("apply        PASS")
        .contains("error db/migrations/V2__region.sql:2 [fails-on-seeded-data]")
        .contains("column \"region\" of relation \"orders\" contains null values")
        .contains("23502");
  }

  @Test
  void aBrokenBaselineIsAUsageErrorNeverAPass() throws IOException {
    write("db/migrations/V2__note.sql", "ALTER TABLE users ADD COLUMN note text;");
    write(".migtest/baseline.json", "{\"schemaVersion\": 1, \"scale\": ");
    CliRun corrupt = check();
    assertThat(corrupt.exitCode()).isEqualTo(2);
    assertThat(corrupt.err())
        .contains("The performance baseline .migtest/baseline.json cannot be used")
        .contains("not valid JSON")
        .contains("migtest baseline update");

    write(".migtest/baseline.json", "{\"schemaVersion\": 2, \"scale\": 1000, \"migrations\": {}}");
    CliRun future = check();
    assertThat(future.exitCode()).isEqualTo(2);
    assertThat(future.err()).contains("its schemaVersion is 2 and this migtest reads 1");

    write(".migtest/baseline.json", "{\"schemaVersion\": \"1\", \"scale\": 1000}");
    assertThat(check().err()).contains("its schemaVersion is \"1\", not a whole number");

    write(
        ".migtest/baseline.json",
        "{\"schemaVersion\": 1, \"scale\": 1000, \"migrations\":"
            + " {\"db/migrations/V2__note.sql\": {\"durationMs\": \"fast\"}}}");
    assertThat(check().err())
        .contains(
            "its field migrations.\"db/migrations/V2__note.sql\".durationMs has the wrong type")
        .doesNotContain("Source:");
  }

  @Test
  void aBaselineBehindACommittedLinkOutOfTheProjectIsNeitherReadNorWritten(@TempDir Path outside)
      throws IOException {
    write("db/migrations/V2__note.sql", "ALTER TABLE users ADD COLUMN note text;");
    Files.writeString(outside.resolve("baseline.json"), "secret: not json");
    Files.createSymbolicLink(repo.resolve(".migtest"), outside);

    CliRun read = check();
    assertThat(read.exitCode()).isEqualTo(2);
    assertThat(read.err())
        .contains("leads through a symbolic link out of")
        .doesNotContain("secret");

    CliRun update = run("baseline", "update", repo.toString(), "--base", "main");
    assertThat(update.exitCode()).isEqualTo(2);
    assertThat(Files.readString(outside.resolve("baseline.json"))).isEqualTo("secret: not json");
  }

  @Test
  void aMigrationThatNotifiesMigtestsChannelCannotBreakTheMeasurement() throws IOException {
    write(
        "db/migrations/V2__noise.sql",
        "SELECT pg_notify('migtest_locks', 'not-an-oid AccessExclusiveLock');\n"
            + "SELECT pg_notify('migtest_locks', '99999999999999999999999 x');\n"
            + "ALTER TABLE users ADD COLUMN note text;");

    CliRun run = check();

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).doesNotContain("Exception");
    assertThat(run.out())
        .contains("performance  WARN")
        .contains("ACCESS EXCLUSIVE lock on public.users");
  }

  @Test
  void withoutABaseBranchTheGateSaysWhyItMeasuredNothing() throws IOException {
    CliRun run =
        run(
            "check",
            repo.toString(),
            "--gates",
            "performance",
            "--database-url",
            SharedServer.url(),
            "--report-dir",
            repo.resolve("out").toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("performance  SKIP").contains("no base was given (--base)");
  }

  @Test
  void aPlainIndexBuildOnALargeTableIsALockThatBlocksWrites() throws IOException {
    write("db/migrations/V2__index.sql", "CREATE INDEX orders_amount ON orders (amount);");

    CliRun run = check();

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("[write-lock-on-large-table] The migration holds a ShareLock on public.orders")
        .doesNotContain("[access-exclusive-on-large-table]");
  }

  /** Times and WAL measured on other row counts say nothing about a regression. */
  @Test
  void aBaselineOfAnotherScaleIsRefusedNotComparedWith() throws IOException {
    write("db/migrations/V2__note.sql", "ALTER TABLE users ADD COLUMN note text;");
    assertThat(run("baseline", "update", repo.toString(), "--base", "main").exitCode()).isZero();
    Path baseline = repo.resolve(".migtest/baseline.json");
    Files.writeString(
        baseline, Files.readString(baseline).replace("\"scale\" : 1000", "\"scale\" : 50000"));

    CliRun run = check();

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.err())
        .contains("was measured with 50000 rows per table, and this run seeds 1000")
        .contains("migtest baseline update");
  }

  private CliRun check() {
    return run(
        "check",
        repo.toString(),
        "--base",
        "main",
        "--gates",
        "apply,performance",
        "--database-url",
        SharedServer.url(),
        "--report-dir",
        repo.resolve("out").toString());
  }

  private CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (args[0].equals("baseline")) {
      all.addAll(
          List.of(
              "--database-url",
              SharedServer.url(),
              "--report-dir",
              repo.resolve("out").toString()));
    }
    return CliRun.of(all.toArray(String[]::new));
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(repo.resolve("out/report.json").toFile());
  }

  private void git(String... args) throws IOException {
    TestGit.run(repo, repo, args);
  }

  private void write(String relative, String content) throws IOException {
    Path file = repo.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}

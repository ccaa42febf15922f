package io.migtest.oracle;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The SQL test files of a project ({@code db/tests} by default), each run after the migrations in
 * its own transaction that is rolled back, so every file sees the migrated database as it was.
 * Files that call pgTAP's {@code plan()} run as pgTAP tests when the server has the extension and
 * are skipped with a note when it does not.
 */
public final class SqlTests implements Oracle {
  private final List<SqlScript> scripts;
  private final List<SqlTestFile> files;

  /**
   * @param scripts the test files, in the order they run (by name)
   */
  public SqlTests(List<SqlScript> scripts) {
    this(List.copyOf(scripts), scripts.stream().map(SqlTestFile::parse).toList());
  }

  private SqlTests(List<SqlScript> scripts, List<SqlTestFile> files) {
    this.scripts = scripts;
    this.files = files;
  }

  @Override
  public Optional<Oracle> covering(Set<String> tables, Map<String, Set<String>> touched) {
    List<SqlScript> naming = new ArrayList<>();
    List<SqlTestFile> parsed = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      SqlScript script = scripts.get(i);
      if (TableMentions.namesAny(script.text(), tables)
          || touched.getOrDefault(script.file(), Set.of()).stream().anyMatch(tables::contains)) {
        naming.add(script);
        parsed.add(files.get(i));
      }
    }
    return naming.isEmpty()
        ? Optional.empty()
        : Optional.of(new SqlTests(List.copyOf(naming), List.copyOf(parsed)));
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }

  /** Test files never end their transaction: one that tries is an error of its own. */
  @Override
  public boolean runsOnGivenConnections() {
    return true;
  }

  @Override
  public Optional<Map<String, String>> contents() {
    Map<String, String> contents = new java.util.TreeMap<>();
    scripts.forEach(s -> contents.put(s.file(), s.textChecksum()));
    return Optional.of(contents);
  }

  /** Every test, each with the tables it touched (what coverage of mutants goes by). */
  @Override
  public List<TestResult> judge(ScratchDatabase database, ScriptRunner runner) {
    return judge(database, runner, result -> false, true);
  }

  /**
   * Stops at the first result {@code enough} accepts, and each file at its first failure: a file
   * with one has failed, its status and first failure are all a mutant's judging reads.
   */
  @Override
  public List<TestResult> judgeUntil(
      ScratchDatabase database, ScriptRunner runner, Predicate<TestResult> enough) {
    return judge(database, runner, enough, false);
  }

  /**
   * @param full every failure of each file and the tables it touched; else each file stops at its
   *     first failure
   */
  private List<TestResult> judge(
      ScratchDatabase database, ScriptRunner runner, Predicate<TestResult> enough, boolean full) {
    List<TestResult> results = new ArrayList<>();
    Optional<Boolean> pgTapInstalled = Optional.empty();
    for (SqlTestFile file : files) {
      if (file.pgTap() && pgTapInstalled.isEmpty()) {
        pgTapInstalled = Optional.of(pgTapAvailable(database));
      }
      TestResult result = run(file, database, runner, pgTapInstalled.orElse(false), full);
      results.add(result);
      if (enough.test(result)) {
        break;
      }
    }
    return results;
  }

  private static TestResult run(
      SqlTestFile file,
      ScratchDatabase database,
      ScriptRunner runner,
      boolean pgTapInstalled,
      boolean full) {
    String kind = file.pgTap() ? "pgtap" : "sql";
    if (!file.problems().isEmpty()) {
      return new TestResult(file.file(), kind, TestStatus.ERROR, 0, file.problems(), null);
    }
    Optional<SqlTestFile.Step> control =
        file.steps().stream()
            .filter(s -> NonTransactionalStatements.isTransactionControl(s.statement()))
            .findFirst();
    if (control.isPresent()) {
      return new TestResult(
          file.file(),
          kind,
          TestStatus.ERROR,
          0,
          List.of(
              new TestFailure(
                  file.file(),
                  control.get().statement().startLine(),
                  null,
                  null,
                  "test files run in a transaction that migtest rolls back; remove BEGIN, COMMIT"
                      + " and ROLLBACK from the file")),
          null);
    }
    if (file.pgTap() && !pgTapInstalled) {
      return new TestResult(
          file.file(),
          kind,
          TestStatus.SKIP,
          0,
          List.of(),
          "the pgTAP extension is not available on this server; install it there (or use a"
              + " --postgres-image that has it) to run pgTAP files");
    }
    long started = System.nanoTime();
    List<TestFailure> failures;
    Set<String> touched = Set.of();
    try (Connection connection = database.connect()) {
      runner.prepare(connection);
      connection.setAutoCommit(false);
      failures = new SqlTestRun(file, connection, runner, !full).run();
      if (!connection.isClosed()) {
        touched = full ? touched(connection) : touched;
        connection.rollback();
      }
    } catch (SQLException e) {
      failures =
          List.of(
              new TestFailure(
                  file.file(), 0, null, null, "the connection failed: " + e.getMessage()));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    return new TestResult(
        file.file(),
        kind,
        failures.isEmpty() ? TestStatus.PASS : TestStatus.FAIL,
        millis,
        failures,
        null,
        touched);
  }

  /**
   * The tables the transaction on {@code connection} scanned or changed, from PostgreSQL's counters
   * for the current transaction: a test that reads a view, calls a function or fires a trigger
   * touches the tables behind them without naming them. Empty when the transaction can no longer
   * answer (a failed statement aborted it).
   */
  private static Set<String> touched(Connection connection) {
    try (var query = connection.createStatement();
        var rs =
            query.executeQuery(
                "SELECT lower(relname) FROM pg_stat_xact_user_tables WHERE seq_scan > 0"
                    + " OR coalesce(idx_scan, 0) > 0 OR n_tup_ins > 0 OR n_tup_upd > 0"
                    + " OR n_tup_del > 0")) {
      Set<String> tables = new java.util.TreeSet<>();
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
      return tables;
    } catch (SQLException e) {
      return Set.of();
    }
  }

  private static boolean pgTapAvailable(ScratchDatabase database) {
    try (Connection c = database.connect();
        var rs =
            c.createStatement()
                .executeQuery("SELECT 1 FROM pg_available_extensions WHERE name = 'pgtap'")) {
      return rs.next();
    } catch (SQLException e) {
      return false;
    }
  }
}

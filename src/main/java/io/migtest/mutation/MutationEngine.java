package io.migtest.mutation;

import io.migtest.data.Fingerprints;
import io.migtest.data.TableFingerprint;
import io.migtest.db.DatabaseServer;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.Timeouts;
import io.migtest.finding.Finding;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import io.migtest.perf.HeavierRun;
import io.migtest.perf.MigrationPerformance;
import io.migtest.perf.PerformanceMeter;
import io.migtest.perf.TableLock;
import io.migtest.schema.SchemaChange;
import io.migtest.schema.SchemaDiff;
import io.migtest.schema.SchemaSnapshot;
import io.migtest.seed.Seeder;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import io.migtest.sql.TransactionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Runs mutants and decides their status, each on the state before its migration (so a mutant of
 * migration k replays only k and the migrations after it): inside a transaction on a kept copy of
 * that state that is rolled back afterwards ({@link KeptCopies}) where the migrations and tests
 * allow it, else on a copy of its own.
 *
 * <ul>
 *   <li>An up-script mutant: the mutated migration and the ones after it are migrated as their tool
 *       would; a failure is INVALID (TIMEOUT when a statement or lock wait ran out of time); a
 *       SCHEMA mutant whose schema equals the original's is EQUIVALENT; then the tests that name or
 *       touched its table run, and it is KILLED by the first whose verdict differs from the
 *       original's. A DATA mutant the tests let through gets a second look on seeded rows ({@link
 *       SeededUpJudge}). A PERFORMANCE mutant the tests let through is also run alone on the state
 *       before it and KILLED when it takes a stronger lock or rewrites a table the original does
 *       not.
 *   <li>A down-script mutant: on seeded rows, the original up and the mutated down run, and the
 *       schema and the rows are compared with what the original down leaves: a difference kills it
 *       ({@code gate:rollback} for the schema, {@code gate:data} for the rows).
 * </ul>
 */
public final class MutationEngine implements AutoCloseable {
  /** Rows per table seeded for the down scripts' data check and the DATA mutants' second look. */
  static final long SEEDED_ROWS = 20;

  static final Set<String> OUT_OF_TIME = Set.of("57014", "55P03");

  /**
   * Changes whenever the way the engine decides a status does, so that results an older migtest
   * kept in a state file are run again.
   */
  static final String VERSION = "mutation-engine 2";

  /** How a report names the mutants of a statement the re-print guard refused. */
  public static final String REPRINT_DIFFERS = "not mutated: re-print differs";

  private final Setup setup;
  private final Memo<Integer, OriginalDown> originalDowns = new Memo<>();
  private final Memo<Integer, DownBase> downBases = new Memo<>();
  private final Memo<Integer, Optional<MigrationPerformance>> originalRuns = new Memo<>();
  private final Map<String, Map<Integer, String>> reprints = new HashMap<>();
  private final Memo<String, Set<Integer>> reprintsThatDiffer = new Memo<>();
  private final Map<String, String> duplicateOf = new HashMap<>();
  private final Map<String, String> inputs = new ConcurrentHashMap<>();
  private final KeptCopies copies = new KeptCopies();
  private final Memo<String, Boolean> fits = new Memo<>();
  private final SeededUpJudge seeded;
  private String serverVersion;

  /**
   * What the engine works with.
   *
   * @param server the run's server, where the down scripts' states are kept as templates
   * @param runner runs the mutants' scripts; its statement timeout is a mutant's time budget
   * @param before the migrations before the new ones (the base branch's)
   * @param fresh the new migrations, which the mutants change
   * @param callbacks the tool's callbacks of the head's history
   * @param oracles the project's tests
   * @param ignored the tool's history table, left out of snapshots, seeding and fingerprints
   */
  public record Setup(
      DatabaseServer server,
      HistoryApplier history,
      ScriptRunner runner,
      List<Migration> before,
      List<Migration> fresh,
      Callbacks callbacks,
      List<Oracle> oracles,
      Set<String> ignored) {

    /** The same work with another runner (one whose limits are a mutant's time budget). */
    public Setup withRunner(ScriptRunner limited) {
      return new Setup(server, history, limited, before, fresh, callbacks, oracles, ignored);
    }
  }

  /**
   * The original's verdicts, which a mutant's are compared with.
   *
   * @param touched the tables each test touched in this run, by test name (coverage goes by these
   *     too)
   */
  public record Baseline(
      List<TestResult> tests,
      SchemaSnapshot schema,
      long millis,
      Map<String, Set<String>> touched) {
    Baseline(List<TestResult> tests, SchemaSnapshot schema, long millis) {
      this(tests, schema, millis, touchedBy(tests));
    }

    /** The tests that fail on the original migrations: none, or the suite is red. */
    public List<TestResult> failing() {
      return tests.stream().filter(TestResult::failed).toList();
    }

    private static Map<String, Set<String>> touchedBy(List<TestResult> tests) {
      Map<String, Set<String>> touched = new HashMap<>();
      for (TestResult test : tests) {
        touched.computeIfAbsent(test.name(), name -> new TreeSet<>()).addAll(test.touched());
      }
      return touched;
    }
  }

  public MutationEngine(Setup setup) {
    this.setup = setup;
    this.seeded = new SeededUpJudge(setup, this::stateBefore, copies);
  }

  /**
   * Applies the original new migrations and runs every test: a mutant is judged against these
   * verdicts. Empty when the history does not apply (the apply gate reports why).
   */
  public Optional<Baseline> baseline() throws SQLException {
    long started = System.nanoTime();
    HistoryApplier.State state = setup.history().after(all(), setup.callbacks(), "mutation");
    if (state instanceof HistoryApplier.Failed) {
      return Optional.empty();
    }
    try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
      List<TestResult> tests = new ArrayList<>();
      for (Oracle oracle : setup.oracles()) {
        tests.addAll(oracle.judge(db, setup.runner()));
      }
      return Optional.of(
          new Baseline(tests, snapshot(db), (System.nanoTime() - started) / 1_000_000));
    }
  }

  /**
   * Learns the re-print of each statement that {@code mutants} change through JSqlParser's AST, for
   * the re-print guard, and which mutants make the same statement as an earlier one (two operators
   * can: they are run once); call before running them.
   */
  public void expect(List<Mutant> mutants) {
    Map<String, String> first = new HashMap<>();
    for (Mutant mutant : mutants) {
      String same =
          first.putIfAbsent(
              key(mutant) + ":" + mutant.statement() + ":" + mutant.mutated(), mutant.id());
      if (same != null) {
        duplicateOf.put(mutant.id(), same);
      }
    }
    for (Mutant mutant : mutants) {
      if (mutant.mutation().reprinted() && mutant.reprint() != null) {
        reprints
            .computeIfAbsent(key(mutant), k -> new TreeMap<>())
            .put(mutant.statement(), mutant.reprint());
      }
    }
  }

  /**
   * A hash of what {@code mutant} runs on: for an up script the whole history with its setup,
   * callbacks and the new migrations' verify scripts; for a down script the history up to its
   * migration and the down script; the server's version and the engine's {@link #VERSION}. A result
   * kept from a run on other inputs is not reused.
   */
  public String inputsOf(Mutant mutant) {
    return inputs.computeIfAbsent(key(mutant), k -> digest(mutant));
  }

  private String digest(Mutant mutant) {
    int k = mutant.migration();
    StringBuilder text = new StringBuilder(VERSION).append('\0').append(serverVersion());
    if (mutant.part() == Part.UP) {
      text.append('\0').append(setup.history().keyOf(all(), setup.callbacks()));
      setup.fresh().stream()
          .filter(m -> m.verify() != null)
          .forEach(m -> text.append('\0').append(m.verify().textChecksum()));
    } else {
      text.append('\0')
          .append(setup.history().keyOf(prefix(k + 1), setup.callbacks()))
          .append('\0')
          .append(SEEDED_ROWS)
          .append('\0')
          .append(setup.fresh().get(k).down().textChecksum());
    }
    return SqlScript.sha256(text.toString());
  }

  private synchronized String serverVersion() {
    if (serverVersion == null) {
      serverVersion = setup.server().version();
    }
    return serverVersion;
  }

  /** Runs one mutant; an infrastructure failure is ERROR, never an exception. */
  public MutantResult run(Mutant mutant, Baseline baseline) {
    if (mutant.mutation().equivalentBecause() != null) {
      return new MutantResult(
          mutant, MutantStatus.EQUIVALENT, null, mutant.mutation().equivalentBecause());
    }
    if (duplicateOf.containsKey(mutant.id())) {
      return new MutantResult(
          mutant,
          MutantStatus.IGNORED,
          null,
          "duplicate of mutant " + duplicateOf.get(mutant.id()) + ": the same mutated statement");
    }
    try {
      if (reprintDiffers(mutant, baseline)) {
        return new MutantResult(
            mutant,
            MutantStatus.INVALID,
            null,
            REPRINT_DIFFERS
                + ": JSqlParser's re-print of the statement does not build what the statement"
                + " builds, so a change made through it could not be told from the re-print's");
      }
      return mutant.part() == Part.UP ? up(mutant, baseline) : down(mutant);
    } catch (SQLException | RuntimeException e) {
      return new MutantResult(
          mutant, MutantStatus.ERROR, null, "migtest could not run it: " + e.getMessage());
    }
  }

  private MutantResult up(Mutant mutant, Baseline baseline) throws SQLException {
    List<Oracle> covering =
        setup.oracles().stream()
            .flatMap(o -> o.covering(mutant.tables(), baseline.touched()).stream())
            .toList();
    boolean measured = mutant.operator().category() == Category.PERFORMANCE;
    int k = mutant.migration();
    List<Migration> rest = from(k, withScript(setup.fresh().get(k), mutant));
    Set<String> verifyScripts = verifyScripts(rest);
    if (covering.isEmpty() && !measured && verifyScripts.isEmpty()) {
      return new MutantResult(
          mutant, MutantStatus.NO_COVERAGE, null, "No test names or touches " + tables(mutant));
    }
    Optional<MutantResult> judged = null;
    if (upFits(k, baseline)) {
      try {
        judged =
            copies.rolledBack(
                "up:" + k,
                () -> stateBefore(k),
                db -> judgeUp(db, mutant, inTransaction(rest), covering, baseline));
      } catch (SQLException | RuntimeException e) {
        judged = null;
      }
      // A mutant that fails to apply is confirmed on a copy of its own: the shared transaction
      // may be what it failed on.
      if (judged != null && judged.filter(r -> r.status() == MutantStatus.INVALID).isPresent()) {
        judged = null;
      }
    }
    if (judged == null) {
      try (ScratchDatabase db = stateBefore(k)) {
        judged = judgeUp(db, mutant, rest, covering, baseline);
      }
    }
    if (judged.isPresent()) {
      return judged.get();
    }
    boolean data = mutant.operator().category() == Category.DATA;
    if (data) {
      Optional<MutantResult> onRows;
      try {
        onRows =
            seeded.judge(
                mutant, from(k, setup.fresh().get(k)), rest, covering, upFits(k, baseline));
      } catch (SQLException | RuntimeException e) {
        // The second look could not run (seeding, a copy): the first look's verdict stands.
        onRows = Optional.empty();
      }
      if (onRows.isPresent()) {
        return onRows.get();
      }
    }
    if (measured && mutant.operator().probedWithBlocker()) {
      Optional<MutantResult> waited = blockerProbe(mutant);
      if (waited.isPresent()) {
        return waited.get();
      }
    }
    if (measured) {
      List<String> heavier = heavier(mutant);
      if (!heavier.isEmpty()) {
        return new MutantResult(
            mutant,
            MutantStatus.KILLED,
            "gate:performance",
            "heavier on the tables than the original: " + String.join("; ", heavier));
      }
    }
    return new MutantResult(
        mutant,
        MutantStatus.SURVIVED,
        null,
        (covering.isEmpty()
                ? (verifyScripts.isEmpty()
                    ? "No test names or touches " + tables(mutant)
                    : "The verify scripts the deploy runs pass on the mutant, and no other test"
                        + " names or touches "
                        + tables(mutant))
                : "Every test that names or touches " + tables(mutant) + " passes on the mutant")
            + (measured ? ", and it takes no stronger lock than the original" : "")
            + (data
                ? ", also with "
                    + SEEDED_ROWS
                    + " rows per table seeded before the migration: no row tells them apart;"
                    + " add one to a test where the statement's condition or values matter"
                : ""));
  }

  /**
   * Migrates {@code db}, in the state before the mutant's migration, with {@code rest} and judges
   * it: KILLED, INVALID, TIMEOUT or EQUIVALENT, or empty when the tests let it through.
   */
  private Optional<MutantResult> judgeUp(
      ScratchDatabase db,
      Mutant mutant,
      List<Migration> rest,
      List<Oracle> covering,
      Baseline baseline)
      throws SQLException {
    Optional<Finding> failure =
        setup.history().migrate(db, rest, setup.callbacks(), setup.runner()).failure();
    if (failure.isPresent() && verifyScripts(rest).contains(failure.get().file())) {
      // Sqitch with deploy.verify runs each change's verify script as part of the deploy: a
      // verify script that raises is a test that noticed the mutant.
      return Optional.of(
          new MutantResult(
              mutant,
              MutantStatus.KILLED,
              "test:" + failure.get().file(),
              failure.get().message()));
    }
    if (failure.isPresent()) {
      return Optional.of(failed(mutant, failure.get()));
    }
    Map<String, TestStatus> expected = new LinkedHashMap<>();
    baseline.tests().forEach(t -> expected.put(t.name(), t.status()));
    // The first changed verdict ends the judging (Stryker's bail). The tests keep their order:
    // one may see the sequences the tests before it advanced, as on the original.
    for (Oracle oracle : covering) {
      for (TestResult result :
          oracle.judgeUntil(db, setup.runner(), r -> r.status() != expected.get(r.name()))) {
        if (result.status() != expected.get(result.name())) {
          return Optional.of(
              new MutantResult(
                  mutant, MutantStatus.KILLED, "test:" + result.name(), verdict(result)));
        }
      }
    }
    // Only a survivor is worth the snapshot: one that builds the original's schema is not a gap
    // in the tests.
    if (mutant.operator().category() == Category.SCHEMA && buildsSchema(db, baseline.schema())) {
      return Optional.of(
          new MutantResult(
              mutant, MutantStatus.EQUIVALENT, null, "it builds the same schema as the original"));
    }
    return Optional.empty();
  }

  /** A new copy of the state before new migration {@code k}. */
  private ScratchDatabase stateBefore(int k) throws SQLException {
    HistoryApplier.State state = setup.history().after(prefix(k), setup.callbacks(), "mutant");
    if (state instanceof HistoryApplier.Failed failed) {
      throw new SQLException("the state before it does not build: " + failed.failure().message());
    }
    return ((HistoryApplier.Ready) state).database();
  }

  /**
   * Whether the mutants of new migration {@code k}'s up script can run inside a rolled-back
   * transaction: no callbacks (each fires on a connection of its own), every test runs on the
   * connections it is given, no script from {@code k} on runs with psql, outside a transaction
   * block or ends a transaction itself; and the original migrations and every test, run that way,
   * give the baseline's verdicts.
   */
  private boolean upFits(int k, Baseline baseline) {
    return fitsOnce(
        "up:" + k,
        key -> {
          List<Migration> rest = from(k, setup.fresh().get(k));
          boolean transactional =
              setup.callbacks().isEmpty()
                  && setup.oracles().stream().allMatch(Oracle::runsOnGivenConnections)
                  && rest.stream()
                      .allMatch(
                          m ->
                              fitsTransaction(m.up())
                                  && (m.verify() == null || fitsTransaction(m.verify())));
          List<Migration> inTransaction = transactional ? inTransaction(rest) : List.of();
          if (!transactional) {
            return false;
          }
          try {
            return copies.rolledBack(
                key,
                () -> stateBefore(k),
                db -> {
                  Optional<Finding> failure =
                      setup
                          .history()
                          .migrate(db, inTransaction, setup.callbacks(), setup.runner())
                          .failure();
                  if (failure.isPresent()) {
                    return false;
                  }
                  List<TestResult> tests = new ArrayList<>();
                  for (Oracle oracle : setup.oracles()) {
                    tests.addAll(oracle.judge(db, setup.runner()));
                  }
                  return verdicts(tests).equals(verdicts(baseline.tests()));
                });
          } catch (SQLException | RuntimeException e) {
            return false;
          }
        });
  }

  /**
   * Whether the down scripts of new migration {@code k} can run inside a rolled-back transaction:
   * the down script fits one, and the original down, run that way, fails as and leaves the schema
   * it leaves on a copy of its own (learnt with {@link #originalDown}).
   */
  private boolean downFits(int k) throws SQLException {
    return originalDown(k).fits();
  }

  /** Whether {@code test} says the work of {@code key} fits a transaction, asked once. */
  private boolean fitsOnce(String key, Predicate<String> test) {
    try {
      return fits.get(key, () -> test.test(key));
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Whether {@code script} can run inside a rolled-back transaction: every statement can run in a
   * transaction block, and its own transactions allow it ({@link
   * ScriptRunner#runsInJoinedTransaction}).
   */
  private static boolean fitsTransaction(SqlScript script) {
    return ScriptRunner.runsInJoinedTransaction(script)
        && script.split().statements().stream()
            .allMatch(s -> NonTransactionalStatements.inTransactionForm(s).isPresent());
  }

  /**
   * {@code migrations} as they run inside a rolled-back transaction: an index built or dropped
   * {@code CONCURRENTLY} without that word, which builds the same index under a stronger lock (the
   * tests cannot tell; the performance check measures mutants on copies of their own).
   */
  static List<Migration> inTransaction(List<Migration> migrations) {
    List<Migration> changed = new ArrayList<>();
    for (Migration migration : migrations) {
      List<Statement> statements = migration.up().split().statements();
      Map<Integer, String> replaced = new HashMap<>();
      for (int i = 0; i < statements.size(); i++) {
        String form =
            NonTransactionalStatements.inTransactionForm(statements.get(i))
                .orElse(statements.get(i).sql());
        if (!form.equals(statements.get(i).sql())) {
          replaced.put(i, form);
        }
      }
      changed.add(
          replaced.isEmpty()
              ? migration
              : migration.withUp(MutatedScript.of(migration.up(), replaced)));
    }
    return changed;
  }

  private static Map<String, TestStatus> verdicts(List<TestResult> tests) {
    Map<String, TestStatus> verdicts = new TreeMap<>();
    tests.forEach(t -> verdicts.put(t.name(), t.status()));
    return verdicts;
  }

  /**
   * How the mutated migration alone, on the state before it, is heavier on the tables than the
   * original: a stronger lock, a rewrite (the performance gate's measurements).
   */
  private List<String> heavier(Mutant mutant) throws SQLException {
    int k = mutant.migration();
    MigrationPerformance original = originalRun(k);
    Migration migration = setup.fresh().get(k);
    MigrationPerformance mutated = measure(k, measurable(migration, withScript(migration, mutant)));
    return original == null || mutated == null ? List.of() : HeavierRun.of(original, mutated);
  }

  /**
   * The blocker probe: a session holds ACCESS SHARE on the tables the original migration locks, as
   * a long read does in production. When the original gives up on its own (its lock_timeout,
   * SQLSTATE 55P03) and the mutant still waits at twice that time plus a second, the mutant would
   * queue behind the reader and every query behind it: TIMEOUT.
   */
  private Optional<MutantResult> blockerProbe(Mutant mutant) throws SQLException {
    int k = mutant.migration();
    MigrationPerformance original = originalRun(k);
    if (original == null || original.locks().isEmpty()) {
      return Optional.empty();
    }
    List<String> tables = original.locks().stream().map(TableLock::relation).toList();
    Blocked before = underBlocker(k, setup.fresh().get(k), tables, setup.runner());
    if (before.failure().isEmpty() || !"55P03".equals(before.failure().get().sqlstate())) {
      return Optional.empty();
    }
    Duration limit = Duration.ofMillis(before.millis() * 2 + 1000);
    ScriptRunner patient =
        setup.runner().limitedTo(new Timeouts(setup.runner().timeouts().statementTimeout(), limit));
    Blocked after = underBlocker(k, withScript(setup.fresh().get(k), mutant), tables, patient);
    boolean waited =
        after.failure().filter(f -> OUT_OF_TIME.contains(f.sqlstate())).isPresent()
            && after.millis() >= limit.toMillis();
    return waited
        ? Optional.of(
            new MutantResult(
                mutant,
                MutantStatus.TIMEOUT,
                null,
                "with a session holding ACCESS SHARE on "
                    + String.join(", ", tables)
                    + ", the original gives up after "
                    + before.millis()
                    + " ms (55P03) and the mutant was still waiting after "
                    + after.millis()
                    + " ms"))
        : Optional.empty();
  }

  /** How a migration ended while a blocker held its tables, and after how long. */
  private record Blocked(Optional<Finding> failure, long millis) {}

  private Blocked underBlocker(int k, Migration migration, List<String> tables, ScriptRunner runner)
      throws SQLException {
    try (ScratchDatabase db = stateBefore(k);
        Connection blocker = db.connect()) {
      blocker.setAutoCommit(false);
      try (var lock =
          blocker.prepareStatement(
              "SELECT format('LOCK TABLE %s IN ACCESS SHARE MODE', string_agg(format('%I.%I',"
                  + " n.nspname, c.relname), ', ')) FROM pg_class c JOIN pg_namespace n ON n.oid ="
                  + " c.relnamespace WHERE n.nspname || '.' || c.relname = ANY (?) AND c.relkind"
                  + " IN ('r', 'p', 'm')")) {
        lock.setArray(1, blocker.createArrayOf("text", tables.toArray()));
        try (var rows = lock.executeQuery()) {
          rows.next();
          if (rows.getString(1) == null) {
            return new Blocked(Optional.empty(), 0);
          }
          try (var statement = blocker.createStatement()) {
            statement.execute(rows.getString(1));
          }
        }
      }
      long started = System.nanoTime();
      Optional<Finding> failure =
          setup
              .history()
              .migrate(db, List.of(migration), setup.callbacks().eachMigration(), runner)
              .failure();
      long millis = (System.nanoTime() - started) / 1_000_000;
      blocker.rollback();
      return new Blocked(failure, millis);
    }
  }

  /**
   * The mutated migration as it is measured: a script that ran outside a transaction only for the
   * statement the mutant made transactional ({@code CONCURRENTLY} removed) runs in one, as Flyway
   * would run it, so its locks are read inside its transaction rather than sampled from outside,
   * where a short statement's lock can slip between two samples.
   */
  private static Migration measurable(Migration original, Migration mutated) {
    List<Statement> before = original.up().split().statements();
    List<Statement> after = mutated.up().split().statements();
    boolean madeTransactional =
        before.stream().anyMatch(NonTransactionalStatements::matches)
            && after.stream()
                .noneMatch(
                    s ->
                        NonTransactionalStatements.matches(s)
                            || NonTransactionalStatements.isTransactionControl(s));
    return madeTransactional && mutated.up().psqlFeature().isEmpty()
        ? mutated.withUp(mutated.up().withTransactionMode(TransactionMode.SINGLE_TRANSACTION))
        : mutated;
  }

  /** The original migration {@code k} measured alone, once; null when it fails. */
  private MigrationPerformance originalRun(int k) throws SQLException {
    return originalRuns
        .get(k, () -> Optional.ofNullable(measure(k, setup.fresh().get(k))))
        .orElse(null);
  }

  /** One run of {@code migration} on the state before migration {@code k}; null when it fails. */
  private MigrationPerformance measure(int k, Migration migration) throws SQLException {
    HistoryApplier.State state = setup.history().after(prefix(k), setup.callbacks(), "mutant");
    if (state instanceof HistoryApplier.Failed) {
      return null;
    }
    try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
      PerformanceMeter.Result result =
          new PerformanceMeter(setup.ignored())
              .measure(
                  db,
                  probe ->
                      setup
                          .history()
                          .migrate(
                              db,
                              List.of(migration),
                              setup.callbacks().eachMigration(),
                              m -> {},
                              probe)
                          .failure());
      return result instanceof PerformanceMeter.Failed
          ? null
          : MigrationPerformance.of(migration.file(), List.of(result));
    }
  }

  private MutantResult down(Mutant mutant) throws SQLException {
    Observed original = originalDown(mutant.migration()).observed();
    Observed observed =
        observeDown(
            mutant.migration(),
            MutatedScript.of(
                setup.fresh().get(mutant.migration()).down(),
                mutant.statement(),
                mutant.mutated()));
    if (observed.failure() != null && original.failure() == null) {
      return new MutantResult(
          mutant,
          MutantStatus.KILLED,
          "gate:rollback",
          "the down script fails: " + observed.failure());
    }
    if (!observed.schema().equals(original.schema())) {
      return new MutantResult(
          mutant,
          MutantStatus.KILLED,
          "gate:rollback",
          "after the down script: " + SchemaChange.listed(observed.schema()));
    }
    if (!sameRows(observed, original)) {
      return new MutantResult(
          mutant,
          MutantStatus.KILLED,
          "gate:data",
          "after the down script, tables hold other rows than the original down leaves");
    }
    return new MutantResult(
        mutant,
        MutantStatus.SURVIVED,
        null,
        "The down script leaves the same schema and rows as the original"
            + (downBase(mutant.migration()).seeded()
                ? " on " + SEEDED_ROWS + " seeded rows per table"
                : " (on empty tables: the migration does not apply to seeded rows)"));
  }

  /**
   * What the original down script of migration {@code k} leaves, computed once, and whether its
   * mutants can run inside a rolled-back transaction.
   *
   * @param observed its rows only in the tables two runs of it leave the same
   */
  private record OriginalDown(Observed observed, boolean fits) {}

  private OriginalDown originalDown(int k) throws SQLException {
    return originalDowns.get(
        k,
        () -> {
          // Run twice: a table whose rows differ between two runs of the same down (it writes
          // now() or a random value) cannot tell a mutant apart, and is left out of comparisons.
          // A down that runs as one transaction (the tool's, or its only statement's own) leaves
          // inside a rolled-back one what it leaves committed (its COMMIT's checks run there too):
          // both runs are rolled-back ones on the copy its mutants will use. Any other down runs on
          // a copy first; where it fits a transaction, the second run is a rolled-back one: when it
          // fails as and leaves the schema of the first, its mutants run that way too.
          SqlScript down = setup.fresh().get(k).down();
          boolean fitsTransaction = fitsTransaction(down);
          if (fitsTransaction && ScriptRunner.runsAsOneTransaction(down)) {
            Observed first = observeRolledBack(k, down);
            Observed second = first == null ? null : observeRolledBack(k, down, false);
            if (second != null) {
              return new OriginalDown(stable(first, second), true);
            }
          }
          Observed first = observeOnCopy(k, down);
          Observed inTransaction = fitsTransaction ? observeRolledBack(k, down) : null;
          boolean fits =
              inTransaction != null
                  && Objects.equals(inTransaction.failure(), first.failure())
                  && inTransaction.schema().equals(first.schema());
          Observed second = fits ? inTransaction : observeOnCopy(k, down);
          return new OriginalDown(stable(first, second), fits);
        });
  }

  /** {@code first} with only the tables whose rows {@code second}, a run like it, left the same. */
  private static Observed stable(Observed first, Observed second) {
    Map<String, String> stable = new LinkedHashMap<>(first.rows());
    stable.entrySet().removeIf(e -> !e.getValue().equals(second.rows().get(e.getKey())));
    return new Observed(first.failure(), first.schema(), stable);
  }

  /** What {@code down} leaves inside a rolled-back transaction on a kept copy; null if it broke. */
  private Observed observeRolledBack(int k, SqlScript down) {
    return observeRolledBack(k, down, true);
  }

  /**
   * Like {@link #observeRolledBack(int, SqlScript)}.
   *
   * @param schema whether to read the schema it leaves (a run made for its rows only does not)
   */
  private Observed observeRolledBack(int k, SqlScript down, boolean schema) {
    try {
      DownBase base = downBase(k);
      return copies.rolledBack(
          "down:" + k,
          () -> setup.server().cloneOf(base.afterUp(), "mutant"),
          db -> observeOn(db, base, down, schema));
    } catch (SQLException | RuntimeException e) {
      return null;
    }
  }

  /** Whether {@code observed} holds the rows the original down leaves, in its stable tables. */
  private static boolean sameRows(Observed observed, Observed original) {
    for (Map.Entry<String, String> table : original.rows().entrySet()) {
      if (!table.getValue().equals(observed.rows().get(table.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where the down scripts of migration {@code k} run, built once and kept as a template: the state
   * before it, seeded (unless the original up refuses seeded rows, a pre-flight check), then the
   * original up. Every down runs on a copy, so rows stamped with {@code now()} or drawn from a
   * sequence are the same for the original down and its mutants.
   *
   * @param before the schema before the up
   */
  private record DownBase(ScratchDatabase afterUp, SchemaSnapshot before, boolean seeded) {}

  private DownBase downBase(int k) throws SQLException {
    return downBases.get(
        k,
        () -> {
          Optional<DownBase> seeded = buildDownBase(k, true);
          return seeded.isPresent()
              ? seeded.get()
              : buildDownBase(k, false)
                  .orElseThrow(() -> new SQLException("the original migration does not apply"));
        });
  }

  /** Empty when the original up fails on this state. */
  private Optional<DownBase> buildDownBase(int k, boolean seeded) throws SQLException {
    HistoryApplier.State state = setup.history().after(prefix(k), setup.callbacks(), "down");
    if (state instanceof HistoryApplier.Failed failed) {
      throw new SQLException("the state before it does not build: " + failed.failure().message());
    }
    ScratchDatabase db = ((HistoryApplier.Ready) state).database();
    try {
      if (seeded) {
        try (Connection connection = db.connect()) {
          new Seeder(connection, SEEDED_ROWS).seed(setup.ignored());
        }
      }
      SchemaSnapshot before = snapshot(db);
      Optional<Finding> up =
          setup
              .history()
              .migrate(
                  db,
                  List.of(setup.fresh().get(k)),
                  setup.callbacks().eachMigration(),
                  setup.runner())
              .failure();
      if (up.isPresent()) {
        db.close();
        return Optional.empty();
      }
      return Optional.of(new DownBase(db, before, seeded));
    } catch (SQLException | RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * What a down script leaves on a copy of {@link #downBase}.
   *
   * @param failure the down script's failure, or null
   * @param schema how the schema then differs from the one before the up; null when not read
   * @param rows each table's row count and checksum, by name (for the original down: only the
   *     tables two runs of it leave the same)
   */
  private record Observed(String failure, List<SchemaChange> schema, Map<String, String> rows) {}

  /**
   * What {@code down} leaves: inside a rolled-back transaction where the original down fits one,
   * else (or when it cannot run that way: a mutant that ends transactions in another shape than the
   * original) on a copy of its own.
   */
  private Observed observeDown(int k, SqlScript down) throws SQLException {
    Observed rolledBack = downFits(k) ? observeRolledBack(k, down) : null;
    return rolledBack != null ? rolledBack : observeOnCopy(k, down);
  }

  /** What {@code down} leaves on a copy of its own of {@link #downBase}. */
  private Observed observeOnCopy(int k, SqlScript down) throws SQLException {
    DownBase base = downBase(k);
    try (ScratchDatabase db = setup.server().cloneOf(base.afterUp(), "mutant")) {
      return observeOn(db, base, down, true);
    }
  }

  private Observed observeOn(ScratchDatabase db, DownBase base, SqlScript down, boolean schema)
      throws SQLException {
    Optional<Finding> failure;
    try (Connection connection = db.connect()) {
      setup.runner().prepare(connection);
      failure = setup.runner().run(connection, down);
    }
    Map<String, String> rows = new LinkedHashMap<>();
    List<SchemaChange> changes = null;
    try (Connection connection = db.connect()) {
      for (TableFingerprint table : Fingerprints.read(connection, setup.ignored()).values()) {
        rows.put(table.table(), table.rows() + ":" + table.checksum());
      }
      if (schema) {
        changes =
            SchemaDiff.between(base.before(), SchemaSnapshot.read(connection, setup.ignored()));
      }
    }
    return new Observed(failure.map(Finding::message).orElse(null), changes, rows);
  }

  /**
   * Drops the templates of the down scripts and seeded rows, and the copies kept for savepoints.
   */
  @Override
  public void close() {
    copies.close();
    seeded.close();
    downBases.clear().forEach(b -> b.afterUp().close());
  }

  private static String key(Mutant mutant) {
    return mutant.migration() + ":" + mutant.part();
  }

  /**
   * The re-print guard: whether the statement of {@code mutant}, re-printed from its AST without
   * any change, builds something else than the statement as written. Each migration's script is
   * checked once with every mutated statement re-printed, and statement by statement only when that
   * differs.
   */
  private boolean reprintDiffers(Mutant mutant, Baseline baseline) throws SQLException {
    if (!mutant.mutation().reprinted() || mutant.reprint() == null) {
      return false;
    }
    Set<Integer> differ =
        reprintsThatDiffer.get(
            key(mutant),
            () -> {
              Map<Integer, String> all = reprints.getOrDefault(key(mutant), Map.of());
              Set<Integer> differing = new HashSet<>();
              if (!buildsTheSame(mutant, all, baseline)) {
                for (Map.Entry<Integer, String> each : all.entrySet()) {
                  if (!buildsTheSame(mutant, Map.of(each.getKey(), each.getValue()), baseline)) {
                    differing.add(each.getKey());
                  }
                }
              }
              return differing;
            });
    return differ.contains(mutant.statement());
  }

  /**
   * Whether the script of {@code mutant} with {@code replaced} statements builds the original's.
   */
  private boolean buildsTheSame(Mutant mutant, Map<Integer, String> replaced, Baseline baseline)
      throws SQLException {
    int k = mutant.migration();
    Migration migration = setup.fresh().get(k);
    if (mutant.part() == Part.DOWN) {
      Observed original = originalDown(k).observed();
      Observed reprinted = observeDown(k, MutatedScript.of(migration.down(), replaced));
      return Objects.equals(reprinted.failure(), original.failure())
          && reprinted.schema().equals(original.schema())
          && sameRows(reprinted, original);
    }
    List<Migration> rest = from(k, migration.withUp(MutatedScript.of(migration.up(), replaced)));
    // Inside a rolled-back transaction where the migration's mutants run that way; a re-print that
    // seems to differ there is confirmed on a copy, since it costs its statement all its mutants.
    if (upFits(k, baseline)) {
      try {
        if (copies.rolledBack(
            "up:" + k,
            () -> stateBefore(k),
            db -> buildsTheSameOn(db, inTransaction(rest), baseline))) {
          return true;
        }
      } catch (SQLException | RuntimeException e) {
        // Confirmed on a copy below.
      }
    }
    HistoryApplier.State state = setup.history().after(prefix(k), setup.callbacks(), "mutant");
    if (state instanceof HistoryApplier.Failed) {
      return true;
    }
    try (ScratchDatabase db = ((HistoryApplier.Ready) state).database()) {
      return buildsTheSameOn(db, rest, baseline);
    }
  }

  private boolean buildsTheSameOn(ScratchDatabase db, List<Migration> rest, Baseline baseline)
      throws SQLException {
    return setup.history().migrate(db, rest, setup.callbacks(), setup.runner()).failure().isEmpty()
        && buildsSchema(db, baseline.schema());
  }

  /** The verify scripts the tool runs while deploying {@code migrations} (Sqitch's verify). */
  static Set<String> verifyScripts(List<Migration> migrations) {
    Set<String> files = new HashSet<>();
    migrations.stream().filter(m -> m.verify() != null).forEach(m -> files.add(m.verify().file()));
    return files;
  }

  private static MutantResult failed(Mutant mutant, Finding failure) {
    boolean outOfTime = failure.sqlstate() != null && OUT_OF_TIME.contains(failure.sqlstate());
    return new MutantResult(
        mutant,
        outOfTime ? MutantStatus.TIMEOUT : MutantStatus.INVALID,
        null,
        (outOfTime ? "ran out of time: " : "does not apply: ")
            + failure.file()
            + ":"
            + failure.line()
            + ": "
            + failure.message());
  }

  /** How a test's verdict reads in a report: its first failure, or its status. */
  public static String verdict(TestResult result) {
    return result.failures().isEmpty()
        ? result.name() + " is " + result.status()
        : result.failures().get(0).message();
  }

  private static String tables(Mutant mutant) {
    return mutant.tables().isEmpty()
        ? "the statement"
        : "`" + String.join("`, `", mutant.tables()) + "`";
  }

  private static Migration withScript(Migration migration, Mutant mutant) {
    return migration.withUp(MutatedScript.of(migration.up(), mutant.statement(), mutant.mutated()));
  }

  /** {@code first} in place of the new migration {@code k}, then the new migrations after it. */
  private List<Migration> from(int k, Migration first) {
    List<Migration> rest = new ArrayList<>();
    rest.add(first);
    rest.addAll(setup.fresh().subList(k + 1, setup.fresh().size()));
    return rest;
  }

  private List<Migration> prefix(int k) {
    List<Migration> prefix = new ArrayList<>(setup.before());
    prefix.addAll(setup.fresh().subList(0, k));
    return prefix;
  }

  private List<Migration> all() {
    return prefix(setup.fresh().size());
  }

  private boolean buildsSchema(ScratchDatabase db, SchemaSnapshot expected) throws SQLException {
    try (Connection connection = db.connect()) {
      return SchemaSnapshot.matches(connection, setup.ignored(), expected);
    }
  }

  private SchemaSnapshot snapshot(ScratchDatabase db) throws SQLException {
    try (Connection connection = db.connect()) {
      return SchemaSnapshot.read(connection, setup.ignored());
    }
  }
}

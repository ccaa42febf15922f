package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.data.Fingerprints;
import io.migtest.data.Orphans;
import io.migtest.data.RowDifference;
import io.migtest.data.RowRemovals;
import io.migtest.data.TableFingerprint;
import io.migtest.data.UnvalidatedConstraints;
import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.history.HistoryApplier;
import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.seed.Seeder;
import io.migtest.seed.TableFill;
import io.migtest.sql.SqlParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data gate: the state before the new migrations is seeded (seed files, or generated rows),
 * then the new migrations run one after the other on it. After each up script no table may have
 * lost rows unless the script visibly removes them, no foreign key may point nowhere and every NOT
 * VALID constraint must validate; after its down script every table must hold the rows it held
 * before. Tables that a migration creates are seeded before the next one runs.
 */
public final class DataGate implements Gate {
  /** Example rows shown each way in a finding. */
  private static final int ROWS_SHOWN = 3;

  @Override
  public GateId id() {
    return GateId.DATA;
  }

  @Override
  public GateResult run(GateContext context) {
    long started = System.nanoTime();
    MigrationComparison migrations = context.migrations();
    MigrationHistory base = migrations.base();
    List<Migration> fresh = migrations.toCheck();
    List<Migration> before = migrations.baseMigrations();
    if (fresh.isEmpty()) {
      return result(context, started, GateStatus.SKIP, "no new migrations to check", List.of());
    }
    HistoryApplier.State state = context.stateBeforeNew("data");
    if (state instanceof HistoryApplier.Failed) {
      return result(context, started, GateStatus.SKIP, context.stateBeforeNewFails(), List.of());
    }
    DataSettings settings = context.plan().data();
    // Seed files fill the base branch's schema; without a base there is none to fill.
    boolean seedFiles = base != null && !settings.seedFiles().isEmpty();
    Set<String> ignored = context.historyTables();
    List<Finding> findings = new ArrayList<>();
    ScratchDatabase current = ((HistoryApplier.Ready) state).database();
    String seeded =
        seedFiles
            ? "the rows of " + Plural.of(settings.seedFiles().size(), "seed file")
            : settings.rowsPerTable() + " generated rows per table";
    Set<String> reportedFills = new HashSet<>();
    int checked = 0;
    int restored = 0;
    int failedOnRows = 0;
    String stoppedAt = "";
    // What the previous migration left; seeding empty tables adds only rows that keep every key
    // and NOT VALID check, so it holds for the next one too (null: read it).
    Integrity integrity = null;
    try (SqlParser parser = new SqlParser(Duration.ofSeconds(5));
        Progress.Task task = context.progress().task("data", fresh.size())) {
      if (seedFiles) {
        Optional<Finding> failed = SeedFiles.run(context, current, settings);
        if (failed.isPresent()) {
          findings.add(failed.get());
          return result(
              context, started, GateStatus.FAIL, "not checked: a seed file fails", findings);
        }
      }
      Callbacks callbacks = migrations.head().callbacks();
      for (int i = 0; i < fresh.size(); i++) {
        Migration migration = fresh.get(i);
        if (!seedFiles) {
          findings.addAll(seedEmptyTables(context, current, settings, ignored, reportedFills));
        }
        // One at a time, as the pull request deploys them all at once: the callbacks of a
        // whole migrate (afterMigrate ...) run after the last one only.
        Callbacks around = i == fresh.size() - 1 ? callbacks : callbacks.eachMigration();
        Round round = check(context, current, migration, around, parser, ignored, integrity);
        findings.addAll(round.findings());
        integrity = round.integrityAfter();
        if (round.failure() != null) {
          List<Migration> through = new ArrayList<>(before);
          through.addAll(fresh.subList(0, i + 1));
          HistoryApplier.State plain = context.history().after(through, around, "data");
          if (plain instanceof HistoryApplier.Failed) {
            stoppedAt =
                "; stopped at "
                    + migration.file()
                    + ", which fails without rows too (the apply gate reports it)";
            break;
          }
          findings.add(onSeededData(round.failure(), seeded));
          failedOnRows++;
          if (seedFiles) {
            ((HistoryApplier.Ready) plain).database().close();
            stoppedAt = "; stopped at " + migration.file() + ", which fails on those rows";
            break;
          }
          // It applies on empty tables: go on from there, with its tables seeded afresh.
          current.close();
          current = ((HistoryApplier.Ready) plain).database();
          task.advance(migration.file());
          continue;
        }
        checked++;
        restored += round.restored() ? 1 : 0;
        task.advance(migration.file());
      }
    } catch (SQLException e) {
      throw MigtestException.environment(
          "The data gate lost its database connection: " + e.getMessage(), e);
    } finally {
      current.close();
    }
    String summary =
        Plural.of(checked, "migration")
            + (checked < fresh.size() ? " of " + fresh.size() : "")
            + " checked on "
            + seeded
            + (seedFiles || settings.seedFiles().isEmpty()
                ? ""
                : " (the seed files fill the base branch's state: they need --base)")
            + (restored == 0 ? "" : "; " + restored + " rolled back and compared")
            + (failedOnRows == 0 || seedFiles
                ? ""
                : "; "
                    + failedOnRows
                    + " failed on the rows (fails-on-seeded-data), the next went on from what it"
                    + " leaves on empty tables")
            + stoppedAt;
    return result(context, started, GateResult.statusOf(findings), summary, findings);
  }

  /**
   * What checking one migration found, the failure of its up script (then there is nothing to go on
   * from) or null, and the integrity of the state after it (null after a failure).
   */
  private record Round(
      List<Finding> findings, Finding failure, boolean restored, Integrity integrityAfter) {}

  /** The foreign keys with orphans and the NOT VALID checks the rows break, in one state. */
  private record Integrity(
      Map<String, Orphans.Orphan> orphans, Set<UnvalidatedConstraints.Violation> violations) {
    static Integrity read(Connection connection) throws SQLException {
      return new Integrity(
          Orphans.read(connection), Set.copyOf(UnvalidatedConstraints.check(connection)));
    }
  }

  /**
   * Checks one migration: its up script runs on {@code db}, which then holds the state after it;
   * its down script runs on a clone of that state, compared with the rows from before.
   */
  private static Round check(
      GateContext context,
      ScratchDatabase db,
      Migration migration,
      Callbacks callbacks,
      SqlParser parser,
      Set<String> ignored,
      Integrity known)
      throws SQLException {
    Map<Long, TableFingerprint> f0;
    Integrity before;
    Map<Long, Set<Long>> parents;
    Map<String, List<String>> rowsBefore;
    try (Connection connection = db.connect()) {
      f0 = Fingerprints.read(connection, ignored);
      before = known != null ? known : Integrity.read(connection);
      parents = Fingerprints.parents(connection);
      rowsBefore =
          migration.hasDownStatements() ? RowDifference.read(connection, f0.values()) : Map.of();
    }
    List<Finding> findings = new ArrayList<>();
    Optional<Finding> up =
        context.history().migrate(db, List.of(migration), callbacks, m -> {}).failure();
    if (up.isPresent()) {
      return new Round(findings, up.get(), false, null);
    }
    Integrity after;
    try (Connection connection = db.connect()) {
      Map<Long, TableFingerprint> f1 = Fingerprints.read(connection, ignored);
      RowRemovals removals = RowRemovals.of(migration.up(), parser);
      findings.addAll(RowsLost.check(migration, f0, f1, parents, removals));
      after = Integrity.read(connection);
      for (Orphans.Orphan orphan : after.orphans().values()) {
        Orphans.Orphan earlier = before.orphans().get(orphan.key());
        if (earlier == null || earlier.rows() < orphan.rows()) {
          findings.add(orphans(migration, orphan));
        }
      }
      for (UnvalidatedConstraints.Violation v : after.violations()) {
        if (!before.violations().contains(v)) {
          findings.add(doesNotValidate(migration, v));
        }
      }
    }
    if (!migration.hasDownStatements()) {
      return new Round(findings, null, false, after);
    }
    ScratchDatabase rolledBack = context.database().server().cloneOf(db, "data");
    try {
      // A down script that fails is the rollback gate's finding; there is no state to compare.
      boolean downRan = context.database().run(rolledBack, migration.down()).isEmpty();
      if (downRan) {
        findings.addAll(notRestored(migration, rolledBack, f0, rowsBefore, ignored));
      }
      return new Round(findings, null, downRan, after);
    } finally {
      rolledBack.close();
    }
  }

  /** The tables that after the down script do not hold what they held before the migration. */
  private static List<Finding> notRestored(
      Migration migration,
      ScratchDatabase rolledBack,
      Map<Long, TableFingerprint> f0,
      Map<String, List<String>> rowsBefore,
      Set<String> ignored)
      throws SQLException {
    List<Finding> findings = new ArrayList<>();
    try (Connection connection = rolledBack.connect()) {
      // Columns a down script left behind are the rollback gate's; the data is what was there.
      Map<String, List<String>> columnsBefore = new HashMap<>();
      f0.values().forEach(t -> columnsBefore.put(t.table(), t.columns()));
      Map<String, TableFingerprint> now =
          Fingerprints.byName(Fingerprints.read(connection, ignored, columnsBefore));
      for (TableFingerprint then : f0.values()) {
        TableFingerprint back = now.get(then.table());
        if (back == null) {
          findings.add(
              notRestored(
                  migration,
                  Severity.ERROR,
                  "Table "
                      + then.table()
                      + " is gone after the down script, with its "
                      + Plural.of(then.rows(), "row")
                      + " (see the rollback gate)."));
        } else if (!back.sameRows(then)) {
          List<String> before = rowsBefore.get(then.table());
          List<String> after =
              before == null ? null : RowDifference.read(connection, then.table(), then.columns());
          RowDifference difference =
              after == null
                  ? RowDifference.unknown()
                  : RowDifference.between(before, after, ROWS_SHOWN);
          findings.add(notRestored(migration, then, back, difference));
        }
      }
    }
    return findings;
  }

  private static Finding notRestored(
      Migration migration, TableFingerprint then, TableFingerprint back, RowDifference difference) {
    String columns =
        difference.columns().isEmpty() || then.rows() != back.rows()
            ? ""
            : " in "
                + (difference.columns().size() == 1 ? "column " : "columns ")
                + String.join(", ", difference.columns());
    if (then.rows() == back.rows() && difference.onlyBookkeeping()) {
      return notRestored(
          migration,
          Severity.INFO,
          "After the down script, table "
              + then.table()
              + " differs from before the migration only"
              + columns
              + ", which a trigger stamps when a row changes: the rows came back.");
    }
    return notRestored(
        migration,
        Severity.ERROR,
        "After the down script, table "
            + then.table()
            + " does not hold the rows it held before the migration ("
            + rowCounts(then.rows(), back.rows())
            + columns
            + ")"
            + examples(difference)
            + ". Rolling back loses or changes data: make the up script keep what the"
            + " down needs (a column renamed rather than dropped, the old values copied"
            + " aside). When the data cannot come back, say so: remove the down script"
            + " and mark the up `-- migtest:irreversible <reason>`.");
  }

  private static String rowCounts(long before, long after) {
    return before == after
        ? Plural.of(before, "row") + " before and after, with different values"
        : Plural.of(before, "row") + " before, " + after + " after";
  }

  private static String examples(RowDifference difference) {
    if (!difference.shown()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    if (!difference.missing().isEmpty()) {
      text.append("; before, not after: ").append(String.join(", ", difference.missing()));
    }
    if (!difference.added().isEmpty()) {
      text.append("; after, not before: ").append(String.join(", ", difference.added()));
    }
    return text.toString();
  }

  private static Finding notRestored(Migration migration, Severity severity, String message) {
    return new Finding(
        RuleId.DATA_NOT_RESTORED, severity, migration.down().file(), 0, 0, message, null);
  }

  private static Finding orphans(Migration migration, Orphans.Orphan orphan) {
    return Finding.error(
        RuleId.FOREIGN_KEY_ORPHANS,
        migration.file(),
        0,
        "After the migration, "
            + Plural.of(orphan.rows(), "row")
            + " of "
            + orphan.table()
            + " point at no row of "
            + orphan.parent()
            + " through foreign key "
            + orphan.constraint()
            + (orphan.validated()
                ? ", which the migration let through (triggers off, or session_replication_role)"
                : ", which is NOT VALID, so VALIDATE CONSTRAINT will fail")
            + "; for example "
            + orphan.example()
            + ". Delete or fix those rows in the migration, before the key is added or"
            + " validated.");
  }

  private static Finding doesNotValidate(
      Migration migration, UnvalidatedConstraints.Violation violation) {
    return new Finding(
        RuleId.CONSTRAINT_DOES_NOT_VALIDATE,
        Severity.ERROR,
        migration.file(),
        0,
        0,
        "After the migration, NOT VALID constraint "
            + violation.constraint()
            + " on "
            + violation.owner()
            + " does not validate on the rows there: "
            + violation.message()
            + ". The VALIDATE CONSTRAINT that a later migration runs will fail; fix the rows"
            + " first.",
        violation.sqlstate());
  }

  private static Finding onSeededData(Finding failure, String seeded) {
    return failure.restated(
        RuleId.FAILS_ON_SEEDED_DATA,
        Severity.ERROR,
        "The migration fails on the state before it with rows in its tables ("
            + seeded
            + "), where production has data too: "
            + failure.message());
  }

  /**
   * Generates rows into the tables that have none yet; a table it could not fill is noted once, in
   * {@code reported}.
   */
  private static List<Finding> seedEmptyTables(
      GateContext context,
      ScratchDatabase db,
      DataSettings settings,
      Set<String> ignored,
      Set<String> reported)
      throws SQLException {
    List<Finding> findings = new ArrayList<>();
    try (Connection connection = db.connect()) {
      context.database().runner().prepare(connection);
      for (TableFill fill : new Seeder(connection, settings.rowsPerTable()).seedEmpty(ignored)) {
        if (!fill.complete() && reported.add(fill.table())) {
          findings.add(
              SeedIncomplete.of(
                  fill,
                  context,
                  fill.rows() == 0
                      ? "So the data gate checks it empty, which shows nothing of its rows: give"
                          + " it rows in a seed file (data.seed, with --base)."
                      : "The data gate checks it with those rows."));
        }
      }
    }
    return findings;
  }
}

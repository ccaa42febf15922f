package io.migtest.perf;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a migration's measurement: against its baseline entry, a slowdown or WAL growth over the
 * threshold (and over the noise floor) and a rewrite, an ACCESS EXCLUSIVE lock or a lock that
 * blocks writes on a large table that the baseline does not have fail; without an entry, the
 * rewrites and locks are reported as warnings and nothing fails (the baseline accepts them once
 * committed).
 *
 * @param thresholdPercent the allowed growth against the baseline
 * @param noiseFloorMs a slowdown under this many milliseconds is noise
 * @param largeTableRows tables with this many rows or more count as large
 */
public record PerformanceChecks(double thresholdPercent, double noiseFloorMs, long largeTableRows) {
  /** WAL growth under this is noise (a few pages of catalog changes). */
  static final long WAL_NOISE_FLOOR_BYTES = 1024 * 1024;

  public List<Finding> check(MigrationPerformance m) {
    List<Finding> findings = new ArrayList<>();
    Baseline.Entry entry = m.baseline();
    if (entry != null) {
      double slower = m.durationMs() - entry.durationMs();
      if (slower > noiseFloorMs && slower > entry.durationMs() * thresholdPercent / 100) {
        findings.add(
            Finding.error(
                RuleId.PERFORMANCE_REGRESSION,
                m.file(),
                0,
                String.format(
                    Locale.ROOT,
                    "The migration took %.1f ms, %.0f%% more than the baseline's %.1f ms (the"
                        + " threshold is %.0f%%, differences under %.0f ms are noise). If the cost"
                        + " is expected, run `migtest baseline update` and commit the baseline.",
                    m.durationMs(),
                    slower * 100 / Math.max(entry.durationMs(), 0.001),
                    entry.durationMs(),
                    thresholdPercent,
                    noiseFloorMs)));
      }
      long moreWal = m.walBytes() - entry.walBytes();
      if (moreWal > WAL_NOISE_FLOOR_BYTES && moreWal > entry.walBytes() * thresholdPercent / 100) {
        findings.add(
            Finding.error(
                RuleId.PERFORMANCE_REGRESSION,
                m.file(),
                0,
                String.format(
                    Locale.ROOT,
                    "The migration wrote %s of WAL, %s more than the baseline's %s (the threshold"
                        + " is %.0f%%): replicas and backups receive all of it. If the cost is"
                        + " expected, run `migtest baseline update` and commit the baseline.",
                    ByteSize.text(m.walBytes()),
                    ByteSize.text(moreWal),
                    ByteSize.text(entry.walBytes()),
                    thresholdPercent)));
      }
    }
    for (String table : m.rewrites()) {
      long rows = m.rewrittenRows().getOrDefault(table, 0L);
      if (rows >= largeTableRows && (entry == null || !entry.rewrites().contains(table))) {
        findings.add(
            finding(
                RuleId.LARGE_TABLE_REWRITE,
                entry,
                m.file(),
                "The migration rewrote "
                    + table
                    + " ("
                    + rows
                    + " rows seeded): every row is copied to a new file under an ACCESS EXCLUSIVE"
                    + " lock, so reads and writes wait for the whole copy."));
      }
    }
    for (TableLock lock : m.locks()) {
      boolean accepted =
          entry != null && entry.locks().contains(new Baseline.Lock(lock.relation(), lock.mode()));
      Optional<LockMode> mode = LockMode.of(lock.mode());
      if (lock.rows() < largeTableRows || accepted || mode.isEmpty()) {
        continue;
      }
      if (mode.get().blocksWritesOnly()) {
        findings.add(
            finding(
                RuleId.WRITE_LOCK_ON_LARGE_TABLE,
                entry,
                m.file(),
                "The migration holds a "
                    + lock.mode()
                    + " on "
                    + lock.relation()
                    + " ("
                    + lock.rows()
                    + " rows seeded) until it commits: every INSERT, UPDATE and DELETE on the"
                    + " table waits for it (a plain CREATE INDEX holds it for the whole build)."));
      }
      if (mode.get().blocksReads()) {
        findings.add(
            finding(
                RuleId.ACCESS_EXCLUSIVE_ON_LARGE_TABLE,
                entry,
                m.file(),
                "The migration holds an ACCESS EXCLUSIVE lock on "
                    + lock.relation()
                    + " ("
                    + lock.rows()
                    + " rows seeded) until it commits: every query on the table, reads included,"
                    + " waits for it."));
      }
    }
    return findings;
  }

  /** An error against a baseline that does not have it; a warning when there is no baseline. */
  private static Finding finding(String rule, Baseline.Entry entry, String file, String message) {
    return entry == null
        ? new Finding(
            rule,
            Severity.WARNING,
            file,
            0,
            message
                + " No baseline has this migration yet: reported, not failed. Commit the baseline"
                + " (`migtest baseline update`) to accept it.",
            null)
        : Finding.error(
            rule,
            file,
            0,
            message
                + " The baseline does not have it. If it is expected, run `migtest baseline"
                + " update` and commit the baseline.");
  }
}

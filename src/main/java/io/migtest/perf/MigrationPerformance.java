package io.migtest.perf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the performance gate measured for one migration over its repeats: the median time, WAL and
 * growth, every table any repeat rewrote, and the strongest lock per table; with the baseline's
 * figures for it and the change against them, when the baseline has it.
 *
 * @param file the migration's file, relative to the project
 * @param samplesMs each repeat's wall time, in order
 * @param rewrites the tables rewritten, by name
 * @param rewrittenRows the rows each rewritten table had before
 * @param baseline the baseline's entry for this file, or null
 * @param durationChangePercent the change of the median time against the baseline, or null
 * @param walChangePercent the change of the WAL against the baseline, or null
 */
public record MigrationPerformance(
    String file,
    double durationMs,
    List<Double> samplesMs,
    long walBytes,
    long sizeGrowthBytes,
    List<String> rewrites,
    Map<String, Long> rewrittenRows,
    List<TableLock> locks,
    Baseline.Entry baseline,
    Double durationChangePercent,
    Double walChangePercent) {

  /** The figures of the measured runs among {@code results}. */
  public static MigrationPerformance of(String file, List<PerformanceMeter.Result> results) {
    List<Sample> samples =
        results.stream()
            .filter(PerformanceMeter.Measured.class::isInstance)
            .map(r -> ((PerformanceMeter.Measured) r).sample())
            .toList();
    Map<String, Long> rewritten = new TreeMap<>();
    Map<String, TableLock> strongest = new TreeMap<>();
    for (Sample sample : samples) {
      sample.rewrites().forEach(r -> rewritten.put(r.relation(), r.rows()));
      for (TableLock lock : sample.locks()) {
        strongest.merge(lock.relation(), lock, TableLock::stronger);
      }
    }
    return new MigrationPerformance(
        file,
        round(median(samples.stream().map(Sample::durationMs).toList())),
        samples.stream().map(s -> round(s.durationMs())).toList(),
        (long) median(samples.stream().map(s -> (double) s.walBytes()).toList()),
        (long) median(samples.stream().map(s -> (double) s.sizeGrowthBytes()).toList()),
        List.copyOf(rewritten.keySet()),
        Map.copyOf(rewritten),
        List.copyOf(strongest.values()),
        null,
        null,
        null);
  }

  /** This measurement beside the baseline's entry for it (null: none). */
  public MigrationPerformance against(Baseline.Entry entry) {
    if (entry == null) {
      return this;
    }
    return new MigrationPerformance(
        file,
        durationMs,
        samplesMs,
        walBytes,
        sizeGrowthBytes,
        rewrites,
        rewrittenRows,
        locks,
        entry,
        change(durationMs, entry.durationMs()),
        change(walBytes, entry.walBytes()));
  }

  /** The entry a baseline keeps for this measurement. */
  Baseline.Entry entry() {
    return new Baseline.Entry(
        round(durationMs),
        walBytes,
        rewrites,
        locks.stream().map(l -> new Baseline.Lock(l.relation(), l.mode())).toList());
  }

  private static Double change(double now, double before) {
    if (before <= 0) {
      return null;
    }
    return round((now - before) * 100 / before);
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    if (n == 0) {
      return 0;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}

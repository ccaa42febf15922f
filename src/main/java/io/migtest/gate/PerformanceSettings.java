package io.migtest.gate;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the performance gate measures and judges ({@code performance.*} in migtest.yml).
 *
 * @param scale rows seeded into every table of the base state
 * @param repeats runs of each migration, each on a fresh clone; the median counts
 * @param thresholdPercent how much slower (or more WAL) than the baseline fails
 * @param noiseFloor a slowdown smaller than this never fails, whatever its percentage
 * @param largeTableRows a table with at least this many rows counts as large: a rewrite or an
 *     ACCESS EXCLUSIVE lock on it is reported
 * @param project the project folder: the baseline is read and written only inside it
 * @param baseline the baseline file
 * @param baselineName the baseline file as configured, relative to the project, for messages
 * @param updateBaseline whether this run writes the baseline instead of comparing with it ({@code
 *     migtest baseline update})
 */
public record PerformanceSettings(
    long scale,
    int repeats,
    double thresholdPercent,
    Duration noiseFloor,
    long largeTableRows,
    Path project,
    Path baseline,
    String baselineName,
    boolean updateBaseline) {

  public static final long MAX_SCALE = 1_000_000;
  public static final int MAX_REPEATS = 25;

  public static final String DEFAULT_BASELINE = ".migtest/baseline.json";

  /** The defaults, with the baseline in {@code projectDir}. */
  public static PerformanceSettings defaults(Path projectDir) {
    return new PerformanceSettings(
        10_000,
        3,
        20,
        Duration.ofMillis(50),
        1_000,
        projectDir,
        projectDir.resolve(DEFAULT_BASELINE),
        DEFAULT_BASELINE,
        false);
  }
}

package io.migtest.perf;

import io.migtest.seed.TableFill;
import java.util.List;

/**
 * The performance gate's measurements, the {@code performance} section of {@code report.json}.
 *
 * @param scale the rows seeded per table of the base state
 * @param repeats the runs per migration, each on a fresh clone
 * @param baseline the baseline file, relative to the project
 * @param baselineFound whether that file existed (migrations it lacks are reported, not failed)
 * @param seeded how many rows each table of the base state got
 * @param migrations the new migrations measured, in order
 */
public record PerformanceResults(
    long scale,
    int repeats,
    String baseline,
    boolean baselineFound,
    List<TableFill> seeded,
    List<MigrationPerformance> migrations) {

  public PerformanceResults {
    seeded = List.copyOf(seeded);
    migrations = List.copyOf(migrations);
  }
}

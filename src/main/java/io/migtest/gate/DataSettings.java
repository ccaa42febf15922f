package io.migtest.gate;

import java.nio.file.Path;
import java.util.List;

/**
 * How the data gate seeds the state before the new migrations ({@code data.*} in migtest.yml).
 *
 * @param rowsPerTable rows generated into every table when no seed files are given
 * @param project the project folder: seed files are read only inside it
 * @param seedFiles the seed files, relative to the project, in the order they run; when there are
 *     none, rows are generated
 */
public record DataSettings(long rowsPerTable, Path project, List<String> seedFiles) {
  public static final long MAX_ROWS = 100_000;

  /** The folder whose {@code *.sql} files seed the data gate when {@code data.seed} is not set. */
  public static final String DEFAULT_SEED_FOLDER = "db/seed";

  public DataSettings {
    seedFiles = List.copyOf(seedFiles);
  }

  /** Generated rows, 100 per table, with no seed files. */
  public static DataSettings defaults(Path projectDir) {
    return new DataSettings(100, projectDir, List.of());
  }
}

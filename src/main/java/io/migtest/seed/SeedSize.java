package io.migtest.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Whether seeding at a scale fits the server's disk: the bytes {@code rows} rows per table take,
 * from each column's stored width (a fixed length, or 32 bytes for a variable one) plus the row
 * header and its share of the primary key, compared with the free space of the server's data folder
 * when that folder is on this machine (the embedded server's); a remote server's disk is not known
 * and not checked.
 */
public final class SeedSize {
  /** Row header, item pointer and alignment of a heap tuple, and an index entry per row. */
  private static final long PER_ROW_OVERHEAD = 24 + 4 + 8 + 16;

  private static final String WIDTH =
      """
      SELECT coalesce(sum(CASE WHEN t.typlen > 0 THEN t.typlen ELSE 32 END), 0)
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      JOIN pg_type t ON t.oid = a.atttypid
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      """;

  private static final String TABLES =
      """
      SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_%'
      """;

  private SeedSize() {}

  /**
   * The message that refuses the scale, or empty when it fits (or the disk is not known).
   *
   * @param copies how many copies of the seeded database exist at once (the state, and the clones a
   *     measurement runs on)
   */
  public static Optional<String> refusal(Connection connection, long rows, int copies)
      throws SQLException {
    long width = scalar(connection, WIDTH);
    long tables = scalar(connection, TABLES);
    long needed = (width + tables * PER_ROW_OVERHEAD) * rows * copies;
    Optional<Long> free = freeSpace(connection);
    if (free.isEmpty() || needed < free.get()) {
      return Optional.empty();
    }
    return Optional.of(
        "Seeding "
            + rows
            + " rows into each of the "
            + tables
            + " tables would need about "
            + megabytes(needed)
            + " MB for the seeded state and its clones, and the database's disk has "
            + megabytes(free.get())
            + " MB free. Lower performance.scale, or give migtest a database with more room"
            + " (--database-url, --postgres-image, or TMPDIR on a larger disk).");
  }

  private static Optional<Long> freeSpace(Connection connection) throws SQLException {
    String folder;
    try (var rs = connection.createStatement().executeQuery("SHOW data_directory")) {
      rs.next();
      folder = rs.getString(1);
    } catch (SQLException e) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(folder);
      return Files.isDirectory(path)
          ? Optional.of(Files.getFileStore(path).getUsableSpace())
          : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static long scalar(Connection connection, String sql) throws SQLException {
    try (var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long megabytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}

package io.migtest.perf;

import io.migtest.db.ScratchDatabase;
import io.migtest.finding.Finding;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Measures one run of a migration on a database: wall time, WAL written ({@code
 * pg_current_wal_insert_lsn} before and after), growth of the database, the tables rewritten (their
 * {@code relfilenode} changed) and the strongest lock taken on each table ({@link LockWatcher}).
 */
public final class PerformanceMeter {
  /**
   * Applies the migration, running {@code probe} in its transaction after it; a failure or none.
   */
  public interface MigrationRun {
    Optional<Finding> apply(String probe) throws SQLException;
  }

  /** A measurement, or the failure of the migration on this database. */
  public sealed interface Result permits Measured, Failed {}

  record Measured(Sample sample) implements Result {}

  public record Failed(Finding failure) implements Result {}

  private final Set<String> ignored;

  /**
   * @param ignored tables whose locks are migtest's or the tool's (the history table)
   */
  public PerformanceMeter(Set<String> ignored) {
    this.ignored = Set.copyOf(ignored);
  }

  /** Runs {@code run} on {@code database}, which nothing else uses meanwhile, and measures it. */
  public Result measure(ScratchDatabase database, MigrationRun run) throws SQLException {
    try (Connection connection = database.connect()) {
      Relations before = Relations.read(connection);
      String walBefore = scalar(connection, "SELECT pg_current_wal_insert_lsn()::text");
      long sizeBefore =
          Long.parseLong(scalar(connection, "SELECT pg_database_size(current_database())"));
      Map<Long, Set<String>> modes;
      long started;
      long ended;
      try (LockWatcher watcher = LockWatcher.start(database)) {
        started = System.nanoTime();
        Optional<Finding> failure = run.apply(LockWatcher.PROBE);
        ended = System.nanoTime();
        if (failure.isPresent()) {
          return new Failed(failure.get());
        }
        modes = watcher.stop();
      }
      Relations after = Relations.read(connection);
      long wal;
      try (var diff =
          connection.prepareStatement(
              "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), ?::pg_lsn)::bigint")) {
        diff.setString(1, walBefore);
        try (var rs = diff.executeQuery()) {
          rs.next();
          wal = rs.getLong(1);
        }
      }
      long sizeAfter =
          Long.parseLong(scalar(connection, "SELECT pg_database_size(current_database())"));
      return new Measured(
          new Sample(
              (ended - started) / 1e6,
              wal,
              sizeAfter - sizeBefore,
              rewrites(before, after),
              strongestLocks(modes, before, after)));
    }
  }

  private List<TableLock> rewrites(Relations before, Relations after) {
    List<TableLock> rewritten = new ArrayList<>();
    for (Relations.Relation was : before.byOid().values()) {
      Relations.Relation now = after.get(was.oid());
      if (was.table()
          && was.kind() != 'p'
          && now != null
          && now.fileNode() != was.fileNode()
          && !ignored(was.name())) {
        rewritten.add(new TableLock(was.name(), "rewrite", was.rows()));
      }
    }
    rewritten.sort(Comparator.comparing(TableLock::relation));
    return rewritten;
  }

  private List<TableLock> strongestLocks(
      Map<Long, Set<String>> modes, Relations before, Relations after) {
    Map<String, TableLock> strongest = new TreeMap<>();
    modes.forEach(
        (oid, names) -> {
          Relations.Relation relation = before.get(oid) != null ? before.get(oid) : after.get(oid);
          if (relation == null || !relation.table() || ignored(relation.name())) {
            return;
          }
          long rows = before.get(oid) == null ? 0 : before.get(oid).rows();
          names.stream()
              .map(LockMode::of)
              .flatMap(Optional::stream)
              .max(Comparator.naturalOrder())
              .ifPresent(
                  mode ->
                      strongest.merge(
                          relation.name(),
                          new TableLock(relation.name(), mode.pgName(), rows),
                          TableLock::stronger));
        });
    return List.copyOf(strongest.values());
  }

  private boolean ignored(String qualifiedName) {
    String table = qualifiedName.substring(qualifiedName.indexOf('.') + 1);
    return ignored.contains(table);
  }

  private static String scalar(Connection connection, String sql) throws SQLException {
    try (var rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

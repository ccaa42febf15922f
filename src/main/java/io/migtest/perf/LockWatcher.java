package io.migtest.perf;

import io.migtest.db.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Collects the table locks a migration takes on a database, two ways: the locks its transaction
 * holds at its end, which {@link #PROBE} (run there, after the migration) sends by {@code NOTIFY}
 * and which arrive when it commits, and what a connection of its own sees in {@code pg_locks} every
 * half millisecond while the migration runs, for statements outside a transaction ({@code CREATE
 * INDEX CONCURRENTLY}, scripts a tool runs statement by statement). The second is a sample: a lock
 * held for less than the interval can be missed; the first misses nothing the transaction still
 * holds.
 */
final class LockWatcher implements AutoCloseable {
  private static final String CHANNEL = "migtest_locks";

  /** Run in the migration's transaction, after it: sends every table lock it holds. */
  static final String PROBE =
      "SELECT pg_notify('"
          + CHANNEL
          + "', l.relation::bigint || ' ' || l.mode) FROM pg_locks l"
          + " WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
          + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  private static final String OTHERS =
      "SELECT l.relation::bigint, l.mode FROM pg_locks l"
          + " WHERE l.pid <> pg_backend_pid() AND l.locktype = 'relation' AND l.granted"
          + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())";

  private final Connection connection;
  private final Map<Long, Set<String>> seen = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile SQLException failure;

  private LockWatcher(Connection connection) {
    this.connection = connection;
    this.thread = new Thread(this::watch, "migtest-lock-watcher");
    this.thread.setDaemon(true);
  }

  static LockWatcher start(ScratchDatabase database) throws SQLException {
    Connection connection = database.connect();
    try (var s = connection.createStatement()) {
      s.execute("LISTEN " + CHANNEL);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    LockWatcher watcher = new LockWatcher(connection);
    watcher.thread.start();
    return watcher;
  }

  private void watch() {
    try (var query = connection.prepareStatement(OTHERS)) {
      while (!stopping) {
        try (var rs = query.executeQuery()) {
          while (rs.next()) {
            add(rs.getLong(1), rs.getString(2));
          }
        }
        notifications();
        LockSupport.parkNanos(500_000);
      }
    } catch (SQLException e) {
      failure = e;
    }
  }

  private void notifications() throws SQLException {
    PGNotification[] arrived = connection.unwrap(PGConnection.class).getNotifications();
    if (arrived == null) {
      return;
    }
    for (PGNotification notification : arrived) {
      // The migration can notify this channel too: what is not "<oid> <mode>" is not ours.
      String[] parts = notification.getParameter().split(" ", 2);
      if (parts.length == 2 && parts[0].matches("\\d{1,19}")) {
        add(Long.parseLong(parts[0]), parts[1]);
      }
    }
  }

  private void add(long relation, String mode) {
    seen.computeIfAbsent(relation, k -> ConcurrentHashMap.newKeySet()).add(mode);
  }

  /**
   * Stops watching and returns the lock modes seen, by relation oid, with the notifications the
   * migration's commit sent.
   */
  Map<Long, Set<String>> stop() throws SQLException {
    stopping = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while reading the migration's locks", e);
    }
    if (failure != null) {
      throw failure;
    }
    try (var s = connection.createStatement()) {
      s.execute("SELECT 1");
    }
    notifications();
    return Map.copyOf(seen);
  }

  @Override
  public void close() throws SQLException {
    stopping = true;
    connection.close();
  }
}

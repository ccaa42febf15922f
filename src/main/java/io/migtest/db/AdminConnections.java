package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Connections to a server's admin database, kept between uses: a login costs a new server process
 * and the password exchange, and a run creates and drops hundreds of databases. A connection that
 * failed is closed, never kept; one that no longer answers (a migration may end other sessions) is
 * replaced before use.
 */
final class AdminConnections implements AutoCloseable {
  /** Connections kept waiting at most: one per worker that creates or drops at the same time. */
  private static final int MAX_IDLE = 4;

  private static final int VALID_SECONDS = 5;

  /** Work on an admin connection, which must leave it in autocommit as it found it. */
  @FunctionalInterface
  interface Work<T> {
    T on(Connection connection) throws SQLException;
  }

  private final ServerEndpoint endpoint;
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  AdminConnections(ServerEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /** Runs {@code work} on a kept connection, or a new one when none is waiting. */
  <T> T with(Work<T> work) throws SQLException {
    Connection connection = take();
    boolean intact = false;
    try {
      T result = work.on(connection);
      intact = true;
      return result;
    } finally {
      if (intact) {
        give(connection);
      } else {
        closeQuietly(connection);
      }
    }
  }

  private Connection take() throws SQLException {
    while (true) {
      Connection kept;
      synchronized (idle) {
        kept = idle.pollFirst();
      }
      if (kept == null) {
        return endpoint.connect(endpoint.adminDatabase());
      }
      if (kept.isValid(VALID_SECONDS)) {
        return kept;
      }
      closeQuietly(kept);
    }
  }

  private void give(Connection connection) {
    synchronized (idle) {
      if (!closed && idle.size() < MAX_IDLE) {
        idle.addLast(connection);
        return;
      }
    }
    closeQuietly(connection);
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a connection that already failed.
    }
  }

  /** Closes the kept connections; connections in use are closed when given back. */
  @Override
  public void close() {
    List<Connection> all;
    synchronized (idle) {
      closed = true;
      all = new ArrayList<>(idle);
      idle.clear();
    }
    all.forEach(AdminConnections::closeQuietly);
  }
}

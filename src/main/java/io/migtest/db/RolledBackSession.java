package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.core.BaseConnection;

/**
 * Savepoint isolation: one connection to a database in a transaction that every connection of
 * {@link #view()} joins, and that closing rolls back, so the database is as it was before, without
 * the cost of a copy. Sequences, which a rollback does not set back, are set back to their values
 * at the start. For work that is transactional only: a statement that cannot run in a transaction
 * block fails here, and a script that commits would commit the whole.
 */
public final class RolledBackSession implements AutoCloseable {
  private final ScratchDatabase database;
  private final BaseConnection shared;
  private final List<String> sequences;
  private final AtomicInteger joined = new AtomicInteger();

  private RolledBackSession(
      ScratchDatabase database, BaseConnection shared, List<String> sequences) {
    this.database = database;
    this.shared = shared;
    this.sequences = sequences;
  }

  /** Opens a session on {@code database} (which must not be a view). */
  public static RolledBackSession open(ScratchDatabase database) throws SQLException {
    Connection connection = database.connect();
    try {
      List<String> sequences = sequences(connection);
      connection.setAutoCommit(false);
      return new RolledBackSession(database, connection.unwrap(BaseConnection.class), sequences);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The database as the work sees it: each connection joins this session's transaction. */
  public ScratchDatabase view() {
    return new ScratchDatabase(
        database, () -> JoinedConnection.of(shared, "migtest_joined_" + joined.incrementAndGet()));
  }

  /** Rolls everything back and sets the sequences back; the database is as it was. */
  @Override
  public void close() throws SQLException {
    try {
      if (!shared.isClosed()) {
        shared.rollback();
      }
    } finally {
      shared.close();
    }
    if (!sequences.isEmpty()) {
      try (Connection connection = database.connect();
          var statement = connection.createStatement()) {
        statement.execute("SET lock_timeout = '10s'");
        statement.execute("SELECT " + String.join(", ", sequences));
      }
    }
  }

  /** A {@code setval} call per sequence that puts it back where it is now. */
  private static List<String> sequences(Connection connection) throws SQLException {
    List<String> calls = new ArrayList<>();
    try (var statement = connection.createStatement();
        var rows =
            statement.executeQuery(
                "SELECT format('setval(%L::regclass, %s, %s)', format('%I.%I', schemaname,"
                    + " sequencename), coalesce(last_value, start_value), CASE WHEN last_value IS"
                    + " NULL THEN 'false' ELSE 'true' END) FROM pg_sequences")) {
      while (rows.next()) {
        calls.add(rows.getString(1));
      }
    }
    return calls;
  }
}

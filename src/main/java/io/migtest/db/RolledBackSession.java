package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Savepoint isolation: one connection to a database, kept open for units of work one after another.
 * Each unit runs in a transaction that every connection of its view joins ({@link #begin()}) and
 * that is rolled back afterwards ({@link #rollBack()}), so the database is as it was, without the
 * cost of a copy. Sequences, which a rollback does not set back, are set back to their values at
 * the start, and the session's own state (advisory locks, prepared statements, {@code currval}) is
 * discarded, so each unit starts on the same connection as on a new one, without the cost of a new
 * server process. For work that is transactional only: a statement that cannot run in a transaction
 * block fails here, and a script that commits would commit the whole.
 */
public final class RolledBackSession implements AutoCloseable {
  private final ScratchDatabase database;
  private final BaseConnection shared;
  private final String resetSequences;
  private final AtomicInteger joined = new AtomicInteger();
  private boolean inUnit;

  private RolledBackSession(ScratchDatabase database, BaseConnection shared, String sequences) {
    this.database = database;
    this.shared = shared;
    this.resetSequences = sequences;
  }

  /**
   * Connects to {@code database} (which must not be a view) and notes its sequences' values, which
   * every unit of work leaves as they are now.
   */
  public static RolledBackSession open(ScratchDatabase database) throws SQLException {
    Connection connection = database.connect();
    try {
      return new RolledBackSession(
          database, connection.unwrap(BaseConnection.class), sequences(connection));
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /**
   * Starts a unit of work: the database as the work sees it, each of whose connections joins the
   * unit's transaction.
   */
  public ScratchDatabase begin() throws SQLException {
    if (inUnit) {
      throw new IllegalStateException("a unit of work is already open on this session");
    }
    shared.setAutoCommit(false);
    inUnit = true;
    return new ScratchDatabase(
        database, () -> JoinedConnection.of(shared, "migtest_joined_" + joined.incrementAndGet()));
  }

  /**
   * Rolls the unit back, sets the sequences back and discards the session's state: the database and
   * the connection are as they were before {@link #begin()}.
   */
  public void rollBack() throws SQLException {
    if (!inUnit) {
      return;
    }
    inUnit = false;
    shared.rollback();
    shared.setAutoCommit(true);
    try (var statement = shared.createStatement()) {
      if (!resetSequences.isEmpty()) {
        statement.execute("SET lock_timeout = '10s'");
        statement.execute(resetSequences);
      }
      statement.execute("DISCARD ALL");
    }
    if (shared.getTransactionState() != TransactionState.IDLE) {
      throw new SQLException("the session did not return to idle after its rollback");
    }
  }

  /**
   * Closes the connection, which ends an open unit without setting its sequences back: {@link
   * #rollBack()} first where the database is used again.
   */
  @Override
  public void close() throws SQLException {
    shared.close();
  }

  /** A query that puts every sequence back where it is now, or empty when there is none. */
  private static String sequences(Connection connection) throws SQLException {
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
    return calls.isEmpty() ? "" : "SELECT " + String.join(", ", calls);
  }
}

package io.migtest.db;

import io.migtest.sql.TransactionBlocks;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * A connection that joins the open transaction of another one: what its user sees as its own
 * transaction (autocommit off, commit, rollback) is a savepoint of the shared one, and closing it
 * leaves the shared connection open. Code written for connections of its own (a migrate, a test
 * file) runs unchanged inside a transaction that is rolled back afterwards.
 */
final class JoinedConnection implements InvocationHandler {
  private final BaseConnection shared;
  private final String savepoint;
  private boolean autoCommit = true;
  private boolean closed;

  private JoinedConnection(BaseConnection shared, String savepoint) {
    this.shared = shared;
    this.savepoint = savepoint;
  }

  /**
   * A connection joining {@code shared}'s transaction.
   *
   * @param savepoint a name no other joined connection of {@code shared} uses
   */
  static Connection of(BaseConnection shared, String savepoint) {
    return (Connection)
        Proxy.newProxyInstance(
            BaseConnection.class.getClassLoader(),
            new Class<?>[] {BaseConnection.class},
            new JoinedConnection(shared, savepoint));
  }

  /** Whether {@code connection} joins another one's transaction. */
  static boolean isJoined(Connection connection) {
    return Proxy.isProxyClass(connection.getClass())
        && Proxy.getInvocationHandler(connection) instanceof JoinedConnection;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    switch (method.getName()) {
      case "close":
        if (!closed && !autoCommit && !shared.isClosed()) {
          execute("ROLLBACK TO SAVEPOINT " + savepoint + "; RELEASE SAVEPOINT " + savepoint);
        }
        closed = true;
        return null;
      case "isClosed":
        return closed || shared.isClosed();
      case "getAutoCommit":
        return autoCommit;
      case "setAutoCommit":
        boolean on = (Boolean) args[0];
        if (on && !autoCommit) {
          execute("RELEASE SAVEPOINT " + savepoint);
        } else if (!on && autoCommit) {
          execute("SAVEPOINT " + savepoint);
        }
        autoCommit = on;
        return null;
      case "commit":
        if (!autoCommit) {
          commit();
        }
        return null;
      case "rollback":
        if (args == null && !autoCommit) {
          execute("ROLLBACK TO SAVEPOINT " + savepoint);
          return null;
        }
        break;
      case "getTransactionState":
        // The shared transaction is not the user's: with autocommit on, none of its own is open.
        return autoCommit ? TransactionState.IDLE : shared.getTransactionState();
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return true;
        }
        break;
      default:
        break;
    }
    try {
      return method.invoke(shared, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /**
   * Ends the user's transaction as a COMMIT would, deferred constraints and triggers included, and
   * starts the next: on failure its work is rolled back and the error thrown, as a failed COMMIT.
   */
  private void commit() throws SQLException {
    try {
      execute(
          TransactionBlocks.DEFERRED_CHECK
              + "; RELEASE SAVEPOINT "
              + savepoint
              + "; SAVEPOINT "
              + savepoint);
    } catch (SQLException e) {
      execute("ROLLBACK TO SAVEPOINT " + savepoint);
      throw e;
    }
  }

  private void execute(String sql) throws SQLException {
    try (var statement = shared.createStatement()) {
      statement.execute(sql);
    }
  }
}

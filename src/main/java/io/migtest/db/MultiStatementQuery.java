package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

/**
 * Sends several statements as one simple-protocol query and counts the statements the server
 * completed before an error. The server answers each statement of such a query with its own
 * completion message, so the count names the failing statement without running anything again;
 * pgjdbc's {@code Statement.execute} drops those messages once an error follows.
 */
final class MultiStatementQuery {
  private MultiStatementQuery() {}

  /**
   * How the query ended.
   *
   * @param completed statements the server completed (all of them when {@code error} is null)
   * @param error the error that stopped the query, or null
   */
  record Result(int completed, SQLException error) {}

  /**
   * Runs {@code sql} verbatim (no JDBC escapes, no parameters) in the connection's transaction,
   * calling {@code onCompleted} as the server completes each statement.
   */
  static Result execute(Connection connection, String sql, Runnable onCompleted)
      throws SQLException {
    QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
    Query query = executor.createQuery(sql, false, false).query;
    CountingHandler handler = new CountingHandler(onCompleted);
    try {
      executor.execute(
          query,
          null,
          handler,
          0,
          0,
          QueryExecutor.QUERY_EXECUTE_AS_SIMPLE | QueryExecutor.QUERY_NO_RESULTS);
      return new Result(handler.completed, null);
    } catch (SQLException e) {
      return new Result(handler.completed, e);
    } finally {
      query.close();
    }
  }

  /**
   * Counts completion messages as they arrive (pgjdbc reads them one by one while the query runs);
   * results and notices are not needed.
   */
  private static final class CountingHandler extends ResultHandlerBase {
    private final Runnable onCompleted;
    private int completed;

    CountingHandler(Runnable onCompleted) {
      this.onCompleted = onCompleted;
    }

    @Override
    public void handleResultRows(
        Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
      completed();
    }

    @Override
    public void handleCommandStatus(String status, long updateCount, long insertOID) {
      completed();
    }

    private void completed() {
      completed++;
      onCompleted.run();
    }

    @Override
    public void handleWarning(SQLWarning warning) {
      // Notices (RAISE NOTICE, "table does not exist, skipping") are not findings.
    }
  }
}

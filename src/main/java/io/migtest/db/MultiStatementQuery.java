package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.function.BiConsumer;
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
   * calling {@code onCompleted} as the server completes each statement and {@code onWarning} with
   * the number of statements completed before a notice or warning arrived, and the message.
   */
  static Result execute(
      Connection connection,
      String sql,
      Runnable onCompleted,
      BiConsumer<Integer, SQLWarning> onWarning)
      throws SQLException {
    QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
    Query query = executor.createQuery(sql, false, false).query;
    CountingHandler handler = new CountingHandler(onCompleted, onWarning);
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
   * Counts completion messages as they arrive (pgjdbc reads them one by one while the query runs),
   * and hands on notices with the count; results are not needed.
   */
  private static final class CountingHandler extends ResultHandlerBase {
    private final Runnable onCompleted;
    private final BiConsumer<Integer, SQLWarning> onWarning;
    private int completed;

    CountingHandler(Runnable onCompleted, BiConsumer<Integer, SQLWarning> onWarning) {
      this.onCompleted = onCompleted;
      this.onWarning = onWarning;
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
      onWarning.accept(completed, warning);
    }
  }
}

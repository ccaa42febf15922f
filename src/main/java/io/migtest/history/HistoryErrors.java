package io.migtest.history;

import io.migtest.MigtestException;
import java.sql.SQLException;

/** The environment failing while a state is built. */
final class HistoryErrors {
  private HistoryErrors() {}

  static MigtestException lostConnection(SQLException e) {
    return MigtestException.environment(
        "Lost the connection to the database while applying migrations: " + e.getMessage(), e);
  }
}

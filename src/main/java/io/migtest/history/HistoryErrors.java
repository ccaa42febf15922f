package io.migtest.history;

import io.migtest.MigtestException;
import java.sql.SQLException;

/** The environment failing while migrations are applied. */
public final class HistoryErrors {
  private HistoryErrors() {}

  /** The connection to the database was lost while migrations were applied. */
  public static MigtestException lostConnection(SQLException e) {
    return MigtestException.environment(
        "Lost the connection to the database while applying migrations: " + e.getMessage(), e);
  }
}

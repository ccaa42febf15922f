package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;

/** A throwaway database that migtest created and drops again when closed. */
public final class ScratchDatabase implements AutoCloseable {
  private final DatabaseServer server;
  private final String name;

  ScratchDatabase(DatabaseServer server, String name) {
    this.server = server;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public DatabaseServer server() {
    return server;
  }

  /** A new connection to this database, in autocommit mode. */
  public Connection connect() throws SQLException {
    return server.endpoint().connect(name);
  }

  /** Drops the database, closing any connection still open on it. */
  @Override
  public void close() {
    server.drop(name);
  }
}

package io.migtest.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A throwaway database that migtest created and drops again when closed, or a view of one whose
 * connections all join one transaction that is rolled back ({@link RolledBackSession}).
 */
public final class ScratchDatabase implements AutoCloseable {
  /** Where a database's connections come from. */
  @FunctionalInterface
  interface Connector {
    Connection connect() throws SQLException;
  }

  private final DatabaseServer server;
  private final String name;
  private final Connector connector;
  private final boolean owned;

  ScratchDatabase(DatabaseServer server, String name) {
    this.server = server;
    this.name = name;
    this.connector = () -> server.endpoint().connect(name);
    this.owned = true;
  }

  /** A view of {@code database} whose connections come from {@code connector}; never dropped. */
  ScratchDatabase(ScratchDatabase database, Connector connector) {
    this.server = database.server;
    this.name = database.name;
    this.connector = connector;
    this.owned = false;
  }

  public String name() {
    return name;
  }

  public DatabaseServer server() {
    return server;
  }

  /** A new connection to this database, in autocommit mode. */
  public Connection connect() throws SQLException {
    return connector.connect();
  }

  /** Drops the database, closing any connection still open on it (a view drops nothing). */
  @Override
  public void close() {
    if (owned) {
      server.drop(name);
    }
  }
}

package io.migtest.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Where a PostgreSQL server listens and how to log in. The password travels in connection
 * properties, never in a URL that could end up in a message.
 *
 * @param adminDatabase the database to connect to for CREATE/DROP DATABASE
 * @param parameters extra connection parameters (sslmode, ...)
 */
public record ServerEndpoint(
    String host,
    int port,
    String user,
    String password,
    String adminDatabase,
    Map<String, String> parameters) {

  /** Never shows the password. */
  @Override
  public String toString() {
    return describe(adminDatabase);
  }

  /** {@code jdbc:postgresql://host:port/database}, without credentials. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** {@code postgresql://user@host:port/database}, for messages: never the password. */
  public String describe(String database) {
    return "postgresql://" + user + "@" + host + ":" + port + "/" + database;
  }

  /** Opens a connection to {@code database}, using the simple query protocol. */
  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.putAll(parameters);
    properties.setProperty("user", user);
    if (password != null) {
      properties.setProperty("password", password);
    }
    // Our splitter sends one statement at a time; the simple protocol sends it verbatim, so
    // pgjdbc does not split BEGIN ATOMIC bodies at their inner semicolons.
    properties.setProperty("preferQueryMode", "simple");
    properties.setProperty("ApplicationName", "migtest");
    properties.setProperty("connectTimeout", "10");
    // A server that accepts the connection but never finishes the login (a migration holding a
    // lock on pg_database, a stopped server) must not hold migtest forever.
    properties.setProperty("loginTimeout", "15");
    return DriverManager.getConnection(jdbcUrl(database), properties);
  }
}

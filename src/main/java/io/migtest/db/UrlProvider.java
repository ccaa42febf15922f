package io.migtest.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An existing server ({@code --database-url} or {@code DATABASE_URL}), such as a workflow's {@code
 * services: postgres}. migtest only creates and drops its own {@code migtest_*} databases.
 */
public final class UrlProvider implements DatabaseProvider {
  private final ServerEndpoint endpoint;

  public UrlProvider(String url) {
    this.endpoint = DatabaseUrl.parse(url);
  }

  @Override
  public String name() {
    return "url";
  }

  @Override
  public String user() {
    return endpoint.user();
  }

  @Override
  public String database() {
    return endpoint.adminDatabase();
  }

  @Override
  public String plan() {
    return "existing server " + endpoint.describe(endpoint.adminDatabase());
  }

  @Override
  public DatabaseServer start() {
    try (Connection c = endpoint.connect(endpoint.adminDatabase());
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
      if (!rs.next() || !rs.getBoolean(1)) {
        throw ServerErrors.environment(
            "Cannot use the server",
            new SQLException("permission denied to create database", "42501"),
            endpoint);
      }
    } catch (SQLException e) {
      throw ServerErrors.environment("Cannot connect", e, endpoint);
    }
    return DatabaseServer.existing(endpoint, plan());
  }
}

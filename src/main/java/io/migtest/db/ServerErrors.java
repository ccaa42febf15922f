package io.migtest.db;

import io.migtest.MigtestException;
import java.sql.SQLException;

/** Turns connection failures into messages that say what to do, without the password. */
final class ServerErrors {
  private ServerErrors() {}

  static MigtestException environment(String what, SQLException e, ServerEndpoint endpoint) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String where = endpoint.describe(endpoint.adminDatabase());
    String advice =
        switch (state) {
          case "28P01", "28000" ->
              "Authentication failed for user '"
                  + endpoint.user()
                  + "': check the user and password"
                  + " in the database URL.";
          case "08001", "08004", "08006" ->
              "The server at "
                  + endpoint.host()
                  + ":"
                  + endpoint.port()
                  + " refused the connection or is not reachable: check that it runs and that the"
                  + " host and port are right (inside a container action, a workflow service is"
                  + " reached by its label, not localhost).";
          case "3D000" ->
              "The database in the URL does not exist: point the URL at an existing database"
                  + " (migtest only needs it to create its own scratch databases).";
          case "42501" ->
              "The role '"
                  + endpoint.user()
                  + "' may not create databases: run `ALTER ROLE "
                  + endpoint.user()
                  + " CREATEDB;` or use a role that has CREATEDB.";
          default -> "";
        };
    String message =
        what
            + " on "
            + where
            + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")")
            + ": "
            + firstLine(e.getMessage());
    return MigtestException.environment(advice.isEmpty() ? message : message + ". " + advice, e);
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}

package io.migtest.db;

import io.migtest.MigtestException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A running PostgreSQL server on which migtest creates, clones and drops scratch databases. */
public final class DatabaseServer implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final ServerEndpoint endpoint;
  private final String description;
  private final AutoCloseable onClose;
  private final boolean keepsRunning;
  private final Set<String> scratchNames = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AdminConnections admin;

  /** Whether CREATE DATABASE takes {@code STRATEGY FILE_COPY}; read from the first connection. */
  private volatile Boolean fileCopy;

  /**
   * @param description how the server was started, for messages
   * @param onClose stops what the provider started (nothing for an existing server)
   */
  public DatabaseServer(ServerEndpoint endpoint, String description, AutoCloseable onClose) {
    this(endpoint, description, onClose, false);
  }

  private DatabaseServer(
      ServerEndpoint endpoint, String description, AutoCloseable onClose, boolean keepsRunning) {
    this.endpoint = endpoint;
    this.description = description;
    this.onClose = onClose;
    this.keepsRunning = keepsRunning;
    this.admin = new AdminConnections(endpoint);
  }

  /** A server that someone else runs and that outlives the run (an existing server's URL). */
  public static DatabaseServer existing(ServerEndpoint endpoint, String description) {
    return new DatabaseServer(endpoint, description, () -> {}, true);
  }

  public ServerEndpoint endpoint() {
    return endpoint;
  }

  public String description() {
    return description;
  }

  /** The server's version, e.g. {@code 17.6}. */
  public String version() {
    try {
      return admin.with(
          c -> {
            try (var show = c.createStatement();
                var rs = show.executeQuery("SHOW server_version")) {
              rs.next();
              return rs.getString(1).split(" ")[0];
            }
          });
    } catch (SQLException e) {
      throw MigtestException.environment("Cannot read the server version: " + e.getMessage(), e);
    }
  }

  /** A new empty database named {@code migtest_<purpose>_<random>}. */
  public ScratchDatabase createScratch(String purpose) {
    return create(purpose, "template0");
  }

  /** A new database cloned from {@code template} (which must have no open connections). */
  public ScratchDatabase cloneOf(ScratchDatabase template, String purpose) {
    return create(purpose, template.name());
  }

  private ScratchDatabase create(String purpose, String template) {
    String name = "migtest_" + purpose + "_" + HexFormat.of().formatHex(randomBytes());
    try {
      admin.with(
          c -> {
            try (var create = c.createStatement()) {
              create.execute(
                  "CREATE DATABASE \""
                      + name
                      + "\" TEMPLATE \""
                      + template
                      + "\" ENCODING 'UTF8'"
                      + copyStrategy(c));
            }
            // Dropped at the end even when copying its settings fails.
            scratchNames.add(name);
            if (!template.equals("template0")) {
              copySettings(c, template, name);
            }
            return null;
          });
    } catch (SQLException e) {
      throw ServerErrors.environment("Cannot create scratch database " + name, e, endpoint);
    }
    return new ScratchDatabase(this, name);
  }

  /**
   * {@code STRATEGY FILE_COPY} on a throwaway server of PostgreSQL 15 or later, where the default
   * became {@code WAL_LOG}: that writes every block of the template to the write-ahead log, which
   * for the small databases a run clones costs more than copying the files (measured on a 7 MB
   * clone: 26-40 ms against 18-20 ms). A file copy forces a checkpoint, which a server that others
   * use (a database URL) is spared.
   */
  private String copyStrategy(Connection c) throws SQLException {
    if (fileCopy == null) {
      fileCopy = !keepsRunning && c.getMetaData().getDatabaseMajorVersion() >= 15;
    }
    return fileCopy ? " STRATEGY FILE_COPY" : "";
  }

  /**
   * {@code CREATE DATABASE ... TEMPLATE} copies the contents, not the settings made with {@code
   * ALTER DATABASE ... SET} or {@code ALTER ROLE ... IN DATABASE ... SET}: a migration's {@code
   * search_path} would be lost in every clone. They are copied here.
   */
  private static void copySettings(Connection c, String template, String clone)
      throws SQLException {
    List<String> statements = new ArrayList<>();
    try (var read =
        c.prepareStatement(
            "SELECT r.rolname, s.setrole, s.setconfig FROM pg_db_role_setting s"
                + " JOIN pg_database d ON d.oid = s.setdatabase"
                + " LEFT JOIN pg_roles r ON r.oid = s.setrole WHERE d.datname = ?")) {
      read.setString(1, template);
      try (var rs = read.executeQuery()) {
        while (rs.next()) {
          String target =
              rs.getLong(2) == 0
                  ? "ALTER DATABASE " + ClusterObjects.identifier(clone)
                  : "ALTER ROLE "
                      + ClusterObjects.identifier(rs.getString(1))
                      + " IN DATABASE "
                      + ClusterObjects.identifier(clone);
          for (String setting : (String[]) rs.getArray(3).getArray()) {
            statements.add(target + " SET " + ClusterObjects.setting(setting));
          }
        }
      }
    }
    try (var write = c.createStatement()) {
      for (String statement : statements) {
        write.execute(statement);
      }
    }
  }

  /** The roles and tablespaces the server has now. */
  public ClusterObjects clusterObjects() {
    try {
      return admin.with(ClusterObjects::read);
    } catch (SQLException e) {
      throw ServerErrors.environment("Cannot read the server's roles", e, endpoint);
    }
  }

  /**
   * Brings back the roles and tablespaces of {@code state} (see {@link ClusterObjects}), on a
   * server migtest started. A server it was given by URL is shared with others: migtest touches
   * only its own databases there and leaves roles as they are.
   */
  public void restore(ClusterObjects state) {
    if (keepsRunning) {
      return;
    }
    try {
      admin.with(
          c -> {
            state.restoreOn(c);
            return null;
          });
    } catch (SQLException e) {
      throw ServerErrors.environment("Cannot restore the server's roles", e, endpoint);
    }
  }

  /** Drops a scratch database; before PostgreSQL 13 (no FORCE) its sessions are ended first. */
  void drop(String name) {
    try {
      admin.with(
          c -> {
            try (var drop = c.createStatement()) {
              if (c.getMetaData().getDatabaseMajorVersion() >= 13) {
                drop.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
                return null;
              }
              try (var end =
                  c.prepareStatement(
                      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?")) {
                end.setString(1, name);
                end.execute();
              }
              drop.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
              return null;
            }
          });
    } catch (SQLException e) {
      throw ServerErrors.environment("Cannot drop scratch database " + name, e, endpoint);
    }
    scratchNames.remove(name);
  }

  /**
   * Ends one server process (a session) from a connection of its own: a session that ignores a
   * cancel request, e.g. a PL/pgSQL loop that catches {@code query_canceled}, cannot ignore this.
   *
   * @return true when the session existed and was told to end
   */
  public boolean terminate(int backendPid) {
    try (Connection c = endpoint.connect(endpoint.adminDatabase());
        var s = c.prepareStatement("SELECT pg_terminate_backend(?)")) {
      s.setInt(1, backendPid);
      try (var rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /**
   * Stops everything the run does on this server at once, from another thread: ends the sessions of
   * the scratch databases, drops them, then stops the server if migtest started it.
   */
  public void abort() {
    dropLeftovers();
    close();
  }

  private void dropLeftovers() {
    for (String name : List.copyOf(scratchNames)) {
      try {
        drop(name);
      } catch (MigtestException e) {
        // The server may already be gone; stopping it ends every session anyway.
      }
    }
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /**
   * Stops what the provider started; later calls do nothing (an abort may have stopped it). On a
   * server migtest did not start, scratch databases still left are dropped first.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    if (keepsRunning) {
      dropLeftovers();
    }
    admin.close();
    try {
      onClose.close();
    } catch (Exception e) {
      throw MigtestException.environment("Cannot stop the database server: " + e.getMessage(), e);
    }
  }
}

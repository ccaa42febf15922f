package io.migtest.db;

import io.migtest.MigtestException;
import io.migtest.fs.TreeDeletion;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A throwaway PostgreSQL cluster: {@code initdb} in a temp folder, {@code pg_ctl start} on a free
 * loopback port, tuned for speed over durability, removed again on {@link #close()}.
 *
 * <p>Every process starts with a cleared environment (see {@link ChildEnvironment}), so a migration
 * that runs {@code COPY ... TO PROGRAM} sees no token of the runner.
 */
public final class EmbeddedCluster implements AutoCloseable {
  static final String SUPERUSER = "postgres";
  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(60);
  private static final List<String> SERVER_SETTINGS =
      List.of(
          "listen_addresses=127.0.0.1",
          "unix_socket_directories=",
          "fsync=off",
          "synchronous_commit=off",
          "full_page_writes=off",
          // PostgreSQL's default: a mutation worker holds up to three sessions at once, and each
          // copy kept for savepoint isolation keeps one open.
          "max_connections=100",
          "log_min_messages=warning");

  /**
   * What every cluster is made with; part of the pristine copy's stamp. One-megabyte WAL segments
   * make the copy small; WAL volume itself does not change.
   */
  private static final List<String> INITDB_OPTIONS =
      List.of(
          "-U",
          SUPERUSER,
          "-A",
          "scram-sha-256",
          "-E",
          "UTF8",
          "--no-locale",
          "--no-sync",
          "--no-instructions",
          "--wal-segsize=1");

  /** SCRAM rounds of the superuser's password hash (PostgreSQL's default: 4,096). */
  static final int SCRAM_ITERATIONS = 16;

  private final Path binaries;
  private final LaunchPlan plan;
  private final Path dataDir;
  private final Map<String, String> env;
  private final int port;
  private final String password = randomPassword();
  private String initialPassword = password;
  private final Thread shutdownHook;
  private ClusterReaper reaper;

  private EmbeddedCluster(
      Path binaries, LaunchPlan plan, Path dataDir, Map<String, String> env, int port) {
    this.binaries = binaries;
    this.plan = plan;
    this.dataDir = dataDir;
    this.env = env;
    this.port = port;
    this.shutdownHook = new Thread(this::stopQuietly, "migtest-postgres-stop");
  }

  /**
   * Creates and starts a cluster under {@code runRoot}, or in the unused {@link SingleUseCluster}
   * beside the binaries when there is one.
   */
  public static EmbeddedCluster start(
      Path binaries, LaunchPlan plan, Path runRoot, Map<String, String> parentEnv) {
    String stamp = PristineCluster.stamp(binaries, INITDB_OPTIONS);
    Optional<SingleUseCluster> singleUse =
        SingleUseCluster.claim(SingleUseCluster.folderFor(binaries), stamp, plan.account());
    Path dataDir;
    try {
      if (singleUse.isPresent()) {
        dataDir = singleUse.get().data();
      } else {
        Files.createDirectories(runRoot);
        Files.setPosixFilePermissions(runRoot, PosixFilePermissions.fromString("rwxr-xr-x"));
        StaleFolders.sweep(runRoot);
        dataDir = Files.createTempDirectory(runRoot, StaleFolders.prefix("data"));
        ownByServer(dataDir, plan);
      }
    } catch (IOException e) {
      throw MigtestException.environment(
          "Cannot create a data folder for the embedded PostgreSQL under "
              + runRoot
              + " ("
              + e.getMessage()
              + "). Set TMPDIR to a writable folder, or use --database-url or"
              + " --postgres-image.",
          e);
    }
    EmbeddedCluster cluster =
        new EmbeddedCluster(
            binaries, plan, dataDir, ChildEnvironment.minimal(parentEnv), freePort());
    try {
      cluster.reaper =
          ClusterReaper.start(
              dataDir, binaries.resolve("bin/pg_ctl"), plan.commandPrefix(), cluster.env);
      if (singleUse.isPresent()) {
        cluster.initialPassword = singleUse.get().password();
      } else {
        cluster.createData(stamp);
      }
      cluster.pgCtlStart();
      cluster.replaceInitialPassword();
    } catch (IOException e) {
      cluster.stopQuietly();
      throw cluster.failure("the cleanup process", e.getMessage());
    } catch (RuntimeException e) {
      cluster.stopQuietly();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    return cluster;
  }

  /** An empty folder for {@code initdb} or a copy: the server's own, closed to everyone else. */
  private static void ownByServer(Path folder, LaunchPlan plan) throws IOException {
    if (plan.account() != null) {
      Files.setAttribute(folder, "unix:uid", plan.account().uid());
      Files.setAttribute(folder, "unix:gid", plan.account().gid());
    }
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
  }

  /**
   * Fills the data folder from the kept pristine cluster, making that first when it is missing;
   * runs {@code initdb} right here when no copy can be kept or used. A copy that cannot be copied
   * is removed, so the next server makes a new one.
   */
  private void createData(String stamp) {
    Path folder = PristineCluster.folderFor(binaries);
    Optional<PristineCluster> pristine =
        PristineCluster.open(folder, stamp).or(() -> buildPristine(folder, stamp));
    if (pristine.isPresent()) {
      try {
        pristine.get().copyTo(dataDir, plan.account());
        initialPassword = pristine.get().password();
        return;
      } catch (IOException e) {
        TreeDeletion.delete(folder);
        TreeDeletion.delete(dataDir);
        try {
          Files.createDirectory(dataDir);
          ownByServer(dataDir, plan);
        } catch (IOException again) {
          throw failure("initdb", "cannot recreate " + dataDir + ": " + again.getMessage());
        }
      }
    }
    initdb(dataDir, dataDir.resolveSibling(dataDir.getFileName() + ".pw"), password);
  }

  /** Runs {@code initdb} in a staging folder beside {@code folder} and keeps the result there. */
  private Optional<PristineCluster> buildPristine(Path folder, String stamp) {
    Path staging;
    try {
      StaleFolders.sweep(folder.getParent(), "initdb");
      staging = Files.createTempDirectory(folder.getParent(), StaleFolders.prefix("initdb"));
      Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
      ownByServer(Files.createDirectory(staging.resolve("data")), plan);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    try {
      String pristinePassword = randomPassword();
      initdb(staging.resolve("data"), staging.resolve("password"), pristinePassword);
      Files.createFile(
          staging.resolve("password"),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(staging.resolve("password"), pristinePassword);
    } catch (IOException | RuntimeException e) {
      TreeDeletion.delete(staging);
      return Optional.empty();
    }
    return PristineCluster.keep(staging, folder, stamp);
  }

  /**
   * Sets the superuser's password before anyone uses the server: a server started from a pristine
   * copy gets one of its own (the copy's is public). Hashed with {@link #SCRAM_ITERATIONS} rounds
   * where the server allows it (PostgreSQL 16 and later): both ends of every login run them, and a
   * run opens a connection per test file and per copy of a database. The rounds slow down guessing
   * a weak password from its stored hash; this one is 144 random bits, which no guessing reaches.
   */
  private void replaceInitialPassword() {
    ServerEndpoint initial =
        new ServerEndpoint("127.0.0.1", port, SUPERUSER, initialPassword, "postgres", Map.of());
    try (Connection c = initial.connect("postgres");
        java.sql.Statement s = c.createStatement()) {
      if (c.getMetaData().getDatabaseMajorVersion() >= 16) {
        s.execute("SET scram_iterations = " + SCRAM_ITERATIONS);
      }
      s.execute("ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'");
    } catch (SQLException e) {
      throw failure("ALTER ROLE", e.getMessage());
    }
  }

  public ServerEndpoint endpoint() {
    return new ServerEndpoint("127.0.0.1", port, SUPERUSER, password, "postgres", Map.of());
  }

  /**
   * Creates a cluster in {@code data} with a random superuser password: the server listens on
   * loopback, where other local users could otherwise connect as superuser. The password reaches
   * {@code initdb} through {@code passwordFile}, readable by the server's account only.
   */
  private void initdb(Path data, Path passwordFile, String superuserPassword) {
    try {
      Files.deleteIfExists(passwordFile);
      Files.createFile(
          passwordFile,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(passwordFile, superuserPassword + "\n");
      if (plan.account() != null) {
        Files.setAttribute(passwordFile, "unix:uid", plan.account().uid());
      }
    } catch (IOException e) {
      throw failure("initdb", "cannot write the password file: " + e.getMessage());
    }
    try {
      List<String> args = new ArrayList<>(List.of("-D", data.toString()));
      args.add("--pwfile=" + passwordFile);
      args.addAll(INITDB_OPTIONS);
      run("initdb", args);
    } finally {
      TreeDeletion.delete(passwordFile);
    }
  }

  private void pgCtlStart() {
    List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port)));
    for (String setting : SERVER_SETTINGS) {
      options.add("-c");
      options.add(setting);
    }
    run(
        "pg_ctl",
        List.of(
            "-D",
            dataDir.toString(),
            "-l",
            dataDir.resolve("server.log").toString(),
            "-o",
            String.join(" ", options),
            "-w",
            "-t",
            "60",
            "start"));
  }

  /** The words that run {@code program} of the binaries as the cluster's owner. */
  private List<String> command(String program) {
    List<String> command = new ArrayList<>(plan.commandPrefix());
    command.add(binaries.resolve("bin").resolve(program).toString());
    return command;
  }

  private void run(String program, List<String> args) {
    List<String> command = command(program);
    command.addAll(args);
    CommandResult result;
    try {
      result = Commands.run(command, dataDir.getParent(), env, COMMAND_LIMIT);
    } catch (IOException e) {
      throw failure(program, e.getMessage());
    }
    if (!result.succeeded()) {
      throw failure(program, result.output().strip() + serverLogTail());
    }
  }

  private MigtestException failure(String program, String output) {
    return MigtestException.environment(
        "The embedded PostgreSQL failed to start: "
            + program
            + " ("
            + plan.describe()
            + ") said: "
            + output
            + "\nUse an existing server with --database-url, or Docker with --postgres-image.");
  }

  private String serverLogTail() {
    try {
      List<String> lines = Files.readAllLines(dataDir.resolve("server.log"));
      return "\nserver log:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw MigtestException.environment("No free local port for PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void stopQuietly() {
    List<String> command = command("pg_ctl");
    command.addAll(List.of("-D", dataDir.toString(), "-m", "immediate", "-w", "-t", "10", "stop"));
    try {
      Commands.run(command, dataDir.getParent(), env, COMMAND_LIMIT);
    } catch (IOException e) {
      // A server that did not stop is killed below.
    }
    Postmaster.kill(dataDir);
    TreeDeletion.delete(dataDir);
    if (reaper != null) {
      reaper.dismiss();
    }
  }

  /** Stops the server and removes its data folder. */
  @Override
  public void close() {
    stopQuietly();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }
}

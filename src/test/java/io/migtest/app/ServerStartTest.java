package io.migtest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.MigtestException;
import io.migtest.db.DatabaseServer;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.UrlProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's server starts in the background while the project is read: a gate gets that server, a
 * failed start reaches the gate that needs it, and a server no gate took is not left running.
 */
class ServerStartTest {
  @TempDir Path tmp;

  @Test
  void aGateTakesTheServerStartedInTheBackgroundAndOwnsIt() throws Exception {
    DatabaseServer server;
    try (ServerStart start = new ServerStart(embedded())) {
      start.begin();
      server = start.take();
    }
    try (server;
        Connection c = server.endpoint().connect("postgres");
        var rs = c.createStatement().executeQuery("SELECT 40 + 2")) {
      rs.next();
      assertThat(rs.getInt(1)).as("still running after the start was closed").isEqualTo(42);
    }
    assertThat(dataFolders()).isEmpty();
  }

  @Test
  void aServerNoGateTookIsStoppedAndRemoved() throws Exception {
    try (ServerStart start = new ServerStart(embedded())) {
      start.begin();
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (postgresRunningUnder(tmp).isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(postgresRunningUnder(tmp)).as("the server started in the background").isNotEmpty();
    }
    assertThat(postgresRunningUnder(tmp)).isEmpty();
    assertThat(dataFolders()).isEmpty();
  }

  @Test
  void aFailedStartReachesTheGateThatTakesTheServer() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (ServerStart start =
        new ServerStart(
            new UrlProvider("postgresql://u:secret@127.0.0.1:" + closedPort + "/postgres"))) {
      start.begin();
      assertThatThrownBy(start::take)
          .isInstanceOf(MigtestException.class)
          .hasMessageContaining("Cannot connect")
          .hasMessageContaining(String.valueOf(closedPort))
          .hasMessageNotContaining("secret");
    }
  }

  /**
   * The servers (not initdb's bootstrap run: those that listen) whose command line names a folder
   * under {@code folder}.
   */
  private static List<Long> postgresRunningUnder(Path folder) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("/postgres"))
        .filter(p -> p.info().commandLine().orElse("").contains(folder.toString()))
        .filter(p -> p.info().commandLine().orElse("").contains("listen_addresses"))
        .map(ProcessHandle::pid)
        .toList();
  }

  private EmbeddedProvider embedded() throws IOException {
    // The server's account must reach the binaries extracted here.
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TMPDIR", tmp.toString());
    return new EmbeddedProvider(env, null);
  }

  /** Where the embedded provider keeps its servers' data folders under TMPDIR. */
  private Path runFolder() throws IOException {
    try (Stream<Path> entries = Files.list(tmp)) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("migtest-postgres-"))
          .findFirst()
          .orElseThrow()
          .resolve("run");
    }
  }

  private List<Path> dataFolders() throws IOException {
    Path run = runFolder();
    if (!Files.isDirectory(run)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(run)) {
      return entries.filter(p -> p.getFileName().toString().contains("data")).toList();
    }
  }
}

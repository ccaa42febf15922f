package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.process.Commands;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The initialized cluster kept beside the binaries: later servers start from a copy of it instead
 * of running initdb, each with a password of its own, and a copy that could have been changed by
 * someone else, or that other binaries made, is not used.
 */
class PristineClusterTest {
  private static final String MARKER = "cluster_name = 'from_the_kept_copy'\n";

  @TempDir Path dir;
  private Path binaries;
  private Path kept;
  private EmbeddedProvider provider;

  @BeforeEach
  void binariesOfTheirOwn() throws Exception {
    Path extracted =
        PostgresBinaries.install(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "migtest-postgres-" + LaunchPlanner.currentUid()));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    binaries = dir.resolve("pg");
    assertThat(
            Commands.run(
                    List.of("cp", "-al", extracted.toString(), binaries.toString()),
                    dir,
                    Map.of("PATH", "/usr/bin:/bin"),
                    Duration.ofSeconds(30))
                .succeeded())
        .isTrue();
    kept = PristineCluster.folderFor(binaries);
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(PostgresBinaries.VARIABLE, binaries.toString());
    provider = new EmbeddedProvider(env, null);
  }

  @Test
  void theFirstServerKeepsAClusterThatTheNextStartsFromWithAPasswordOfItsOwn() throws Exception {
    assertThat(clusterName()).isNotEqualTo("from_the_kept_copy");
    assertThat(kept.resolve("data/PG_VERSION")).isRegularFile();
    assertThat(ownerAndMode(kept)).isEqualTo(LaunchPlanner.currentUid() + " 700");
    assertThat(ownerAndMode(kept.resolve("password")))
        .isEqualTo(LaunchPlanner.currentUid() + " 600");
    Files.writeString(kept.resolve("data/postgresql.conf"), MARKER, StandardOpenOption.APPEND);

    String keptPassword = Files.readString(kept.resolve("password"));
    try (DatabaseServer server = provider.start()) {
      ServerEndpoint endpoint = server.endpoint();
      assertThat(query(endpoint, "SHOW cluster_name")).isEqualTo("from_the_kept_copy");
      assertThat(query(endpoint, "SELECT count(*) FROM pg_database")).isEqualTo("3");
      ServerEndpoint withKeptPassword =
          new ServerEndpoint(
              endpoint.host(),
              endpoint.port(),
              endpoint.user(),
              keptPassword,
              "postgres",
              Map.of());
      assertThatThrownBy(() -> withKeptPassword.connect("postgres").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
      assertThat(query(endpoint, "SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'"))
          .as("a random password hashed with few rounds: every login runs them on both ends")
          .startsWith("SCRAM-SHA-256$" + EmbeddedCluster.SCRAM_ITERATIONS + ":");
    }
  }

  @Test
  void aCopyOthersCouldChangeIsReplacedNotUsed() throws Exception {
    clusterName();
    Files.writeString(kept.resolve("data/postgresql.conf"), MARKER, StandardOpenOption.APPEND);
    Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rwxrwx---"));

    assertThat(clusterName()).isEqualTo("");
    assertThat(ownerAndMode(kept)).isEqualTo(LaunchPlanner.currentUid() + " 700");
    assertThat(Files.readString(kept.resolve("data/postgresql.conf"))).doesNotContain(MARKER);
  }

  @Test
  void aCopyWithALinkInsideIsNotUsed() throws Exception {
    clusterName();
    Files.writeString(kept.resolve("data/postgresql.conf"), MARKER, StandardOpenOption.APPEND);
    Files.createSymbolicLink(kept.resolve("data/base/elsewhere"), Path.of("/etc"));

    assertThat(clusterName()).isEqualTo("");
  }

  @Test
  void aCopyThatOtherBinariesOrOptionsMadeIsReplaced() throws Exception {
    clusterName();
    Files.writeString(kept.resolve("data/postgresql.conf"), MARKER, StandardOpenOption.APPEND);
    Files.writeString(kept.resolve("stamp"), "-E SQL_ASCII | postgres 1 bytes, modified 0");

    assertThat(clusterName()).isEqualTo("");
    assertThat(Files.readString(kept.resolve("stamp"))).contains("-E UTF8");
  }

  private String clusterName() throws Exception {
    try (DatabaseServer server = provider.start()) {
      return query(server.endpoint(), "SHOW cluster_name");
    }
  }

  private static String query(ServerEndpoint endpoint, String sql) throws SQLException {
    try (Connection c = endpoint.connect("postgres");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static String ownerAndMode(Path path) throws Exception {
    int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return owner + " " + Integer.toOctalString(mode & 0777);
  }
}

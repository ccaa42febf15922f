package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.migtest.process.Commands;
import java.nio.file.Files;
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
 * The cluster the container image bakes for its first server: made here as the Dockerfile makes it
 * (a copy of the kept cluster whose data folder belongs to the server's account), started from in
 * place once, and never again, nor when someone else could have changed it.
 */
class SingleUseClusterTest {
  private static final String MARKER = "cluster_name = 'single_use'\n";

  @TempDir Path dir;
  private Path singleUse;
  private EmbeddedProvider provider;
  private SystemAccount account;

  @BeforeEach
  void bakeASingleUseCopyAsTheImageDoes() throws Exception {
    Path extracted =
        PostgresBinaries.install(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "migtest-postgres-" + LaunchPlanner.currentUid()));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path binaries = dir.resolve("pg");
    shell("cp", "-al", extracted.toString(), binaries.toString());
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(PostgresBinaries.VARIABLE, binaries.toString());
    provider = new EmbeddedProvider(env, null);
    provider.start().close();
    account = provider.launchPlan().account();
    if (account == null) {
      account = SystemAccount.current();
    }

    singleUse = SingleUseCluster.folderFor(binaries);
    shell("cp", "-a", PristineCluster.folderFor(binaries).toString(), singleUse.toString());
    shell("chmod", "0755", singleUse.toString());
    shell("chown", "-R", account.uid() + ":" + account.gid(), singleUse.resolve("data").toString());
    Files.writeString(singleUse.resolve("data/postgresql.conf"), MARKER, StandardOpenOption.APPEND);
  }

  @Test
  void theFirstServerStartsInPlaceWithAPasswordOfItsOwnAndTheNextCopiesTheKeptCluster()
      throws Exception {
    String bakedPassword = Files.readString(singleUse.resolve("password"));
    try (DatabaseServer server = provider.start()) {
      ServerEndpoint endpoint = server.endpoint();
      assertThat(query(endpoint, "SHOW cluster_name")).isEqualTo("single_use");
      assertThat(query(endpoint, "SHOW data_directory"))
          .isEqualTo(singleUse.resolve("data").toString());
      ServerEndpoint withBakedPassword =
          new ServerEndpoint(
              endpoint.host(),
              endpoint.port(),
              endpoint.user(),
              bakedPassword,
              "postgres",
              Map.of());
      assertThatThrownBy(() -> withBakedPassword.connect("postgres").close())
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
    assertThat(singleUse.resolve("claimed")).exists();
    assertThat(singleUse.resolve("data")).doesNotExist();

    assertThat(clusterName()).isEqualTo("");
  }

  @Test
  void aClaimedCopyIsNotStartedFromAgain() throws Exception {
    Files.createFile(singleUse.resolve("claimed"));

    assertThat(clusterName()).isEqualTo("");
    assertThat(singleUse.resolve("data/postgresql.conf")).exists();
  }

  @Test
  void aFolderOthersCouldWriteIsNotUsedNorClaimed() throws Exception {
    Files.setPosixFilePermissions(singleUse, PosixFilePermissions.fromString("rwxrwxr-x"));

    assertThat(clusterName()).isEqualTo("");
    assertThat(singleUse.resolve("claimed")).doesNotExist();
  }

  @Test
  void aDataFolderOfAnotherAccountIsNotUsed() throws Exception {
    assumeThat(account.uid())
        .as("needs root, to hand the data folder to another account")
        .isNotEqualTo(LaunchPlanner.currentUid());
    shell("chown", "-R", "0:0", singleUse.resolve("data").toString());

    assertThat(clusterName()).isEqualTo("");
    assertThat(singleUse.resolve("claimed")).doesNotExist();
  }

  @Test
  void aDataFolderOpenToOthersIsNotUsed() throws Exception {
    Files.setPosixFilePermissions(
        singleUse.resolve("data"), PosixFilePermissions.fromString("rwxr-x---"));

    assertThat(clusterName()).isEqualTo("");
  }

  @Test
  void aCopyThatOtherBinariesOrOptionsMadeIsNotUsed() throws Exception {
    Files.writeString(singleUse.resolve("stamp"), "-E SQL_ASCII | postgres 1 bytes, modified 0");

    assertThat(clusterName()).isEqualTo("");
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

  private void shell(String... command) throws Exception {
    assertThat(
            Commands.run(
                    List.of(command), dir, Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(30))
                .succeeded())
        .as(String.join(" ", command))
        .isTrue();
  }
}

package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.MigtestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MIGTEST_POSTGRES_BINARIES: binaries extracted beforehand, as the container image has them. */
class PreinstalledBinariesTest {
  @TempDir Path dir;

  @Test
  void theServerStartsFromAFolderOfBinariesExtractedBeforehand() throws Exception {
    Path extracted =
        PostgresBinaries.install(
            Path.of(
                System.getProperty("java.io.tmpdir"),
                "migtest-postgres-" + LaunchPlanner.currentUid()));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(PostgresBinaries.VARIABLE, extracted.toString());
    EmbeddedProvider provider = new EmbeddedProvider(env, null);
    assertThat(provider.plan())
        .endsWith("binaries from " + extracted + " (MIGTEST_POSTGRES_BINARIES)");
    try (DatabaseServer server = provider.start();
        Connection c = server.endpoint().connect(server.endpoint().adminDatabase());
        var rs = c.createStatement().executeQuery("SELECT 1")) {
      assertThat(rs.next()).isTrue();
    }
  }

  @Test
  void aFolderWithoutTheProgramsOrThatOthersCouldChangeIsRefusedNamingTheVariable()
      throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> PostgresBinaries.preinstalled(empty))
        .isInstanceOf(MigtestException.class)
        .hasMessageContaining(PostgresBinaries.VARIABLE)
        .hasMessageContaining("bin/initdb is not an executable file");
    Path open = Files.createDirectories(dir.resolve("open/bin"));
    for (String program : new String[] {"initdb", "pg_ctl", "postgres"}) {
      Path file = Files.writeString(open.resolve(program), "#!/bin/sh\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.setPosixFilePermissions(
        dir.resolve("open"), PosixFilePermissions.fromString("rwxrwxr-x"));
    assertThatThrownBy(() -> PostgresBinaries.preinstalled(dir.resolve("open")))
        .hasMessageContaining("writable by no one else");
    Files.setPosixFilePermissions(
        dir.resolve("open"), PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(PostgresBinaries.preinstalled(dir.resolve("open"))).isEqualTo(dir.resolve("open"));
  }
}

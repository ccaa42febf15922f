package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the embedded cluster keeps its data: in memory when there is room, else on disk. */
class DataFolderRootTest {
  private static final Path SHM = Path.of("/dev/shm");

  @TempDir Path disk;

  @Test
  void aMemoryFileSystemWithRoomHoldsTheDataFoldersAndTheServerRunsThere() throws Exception {
    assumeTrue(DataFolderRoot.hasRoom(SHM), "no tmpfs with room at /dev/shm");
    Path root = DataFolderRoot.choose(disk.resolve("run"), Map.of());
    assertThat(root)
        .isEqualTo(SHM.resolve("migtest-postgres-" + LaunchPlanner.currentUid()).resolve("run"));
    assertThat(new EmbeddedProvider(System.getenv(), null).plan())
        .contains(", data in memory (/dev/shm)");

    try (DatabaseServer server = new EmbeddedProvider(System.getenv(), null).start();
        ScratchDatabase db = server.createScratch("memory");
        Connection c = db.connect();
        var rs = c.createStatement().executeQuery("SHOW data_directory")) {
      rs.next();
      assertThat(rs.getString(1)).startsWith(root.toString());
    }
  }

  @Test
  void theVariableKeepsThemOnDiskAndDoctorSaysSo() {
    Map<String, String> env = new HashMap<>();
    env.put(DataFolderRoot.VARIABLE, "disk");
    assertThat(DataFolderRoot.choose(disk.resolve("run"), SHM, env)).isEqualTo(disk.resolve("run"));
    assertThat(new EmbeddedProvider(env, null).plan())
        .contains(", data on disk (MIGTEST_POSTGRES_DATA=disk)");
  }

  @Test
  void aFolderThatIsNoMemoryFileSystemIsNotUsed() throws IOException {
    assumeTrue(!Files.getFileStore(disk).type().equals("tmpfs"), "the temp folder is in memory");
    Path elsewhere = Files.createDirectory(disk.resolve("elsewhere"));
    assertThat(DataFolderRoot.choose(disk.resolve("run"), elsewhere, Map.of()))
        .isEqualTo(disk.resolve("run"));
  }

  @Test
  void aPlantedLinkOrAFolderOthersCanWriteIsNotUsed() throws IOException {
    assumeTrue(DataFolderRoot.hasRoom(SHM), "no tmpfs with room at /dev/shm");
    Path memory = Files.createTempDirectory(SHM, "migtest-test-");
    try {
      Path mine = memory.resolve("migtest-postgres-" + LaunchPlanner.currentUid());
      Files.createSymbolicLink(mine, disk);
      assertThat(DataFolderRoot.choose(disk.resolve("run"), memory, Map.of()))
          .isEqualTo(disk.resolve("run"));
      Files.delete(mine);
      Files.createDirectory(mine);
      Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwxrwxrwx"));
      assertThat(DataFolderRoot.choose(disk.resolve("run"), memory, Map.of()))
          .isEqualTo(disk.resolve("run"));
      Files.setPosixFilePermissions(mine, PosixFilePermissions.fromString("rwx------"));
      assertThat(DataFolderRoot.choose(disk.resolve("run"), memory, Map.of()))
          .isEqualTo(mine.resolve("run"));
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(mine)))
          .as("the server's account walks through it")
          .isEqualTo("rwxr-xr-x");
    } finally {
      io.migtest.fs.TreeDeletion.delete(memory);
    }
  }
}

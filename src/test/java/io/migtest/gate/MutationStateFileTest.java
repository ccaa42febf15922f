package io.migtest.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.mutation.MutationState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file as a hostile repository meets it: committed links are neither read nor written.
 */
class MutationStateFileTest {
  @TempDir Path dir;

  @Test
  void aStateFileThatIsACommittedLinkOutOfTheProjectIsNeitherReadNorWritten() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path secret = Files.writeString(dir.resolve("secret.json"), "{\"token\": \"s3cr3t\"}");
    Files.createDirectories(project.resolve(".migtest"));
    Files.createSymbolicLink(project.resolve(".migtest/state.json"), secret);
    MutationStateFile file =
        new MutationStateFile(
            project.resolve(".migtest/state.json"), project, dir.resolve("home/.cache/migtest"));

    MutationStateFile.Loaded loaded = file.load();
    file.save(MutationState.empty());

    assertThat(loaded.discarded()).contains("not a regular file inside the project");
    assertThat(loaded.discarded()).doesNotContain("s3cr3t");
    assertThat(loaded.state().entries()).isEmpty();
    assertThat(Files.readString(secret)).isEqualTo("{\"token\": \"s3cr3t\"}");
  }

  @Test
  void aFolderThatIsACommittedLinkOutOfTheProjectIsNotWrittenThrough() throws IOException {
    Path project = Files.createDirectories(dir.resolve("project"));
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(project.resolve(".migtest"), outside);
    MutationStateFile file =
        new MutationStateFile(
            project.resolve(".migtest/state.json"), project, dir.resolve("home/.cache/migtest"));

    file.save(MutationState.empty());

    assertThat(outside).isEmptyDirectory();
  }
}

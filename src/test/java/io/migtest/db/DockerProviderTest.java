package io.migtest.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import org.junit.jupiter.api.Test;

/** The Docker provider: real containers where a Docker engine answers, skipped elsewhere. */
class DockerProviderTest {

  @Test
  void startsTheRequestedServerVersionInDocker() {
    assumeTrue(DockerProvider.dockerAvailable(), "no Docker engine here");
    try (DatabaseServer server = new DockerProvider("postgres:16-alpine").start();
        ScratchDatabase db = server.createScratch("docker")) {
      assertThat(server.version()).startsWith("16.");
      assertThat(db.name()).startsWith("migtest_docker_");
    }
  }

  @Test
  void withoutDockerItSaysSoAndWhatToUseInstead() {
    assumeFalse(DockerProvider.dockerAvailable(), "a Docker engine answers here");
    assertThatThrownBy(() -> new DockerProvider("postgres:16").start())
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("needs a Docker engine")
        .hasMessageContaining("--database-url");
  }
}

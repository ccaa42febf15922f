package io.migtest.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The release workflow: a version tag publishes the multi-arch image, and the major tag then runs
 * it by digest. What it edits in action.yml must be there, or the major tag would keep building.
 */
class ReleaseWorkflowTest {
  private static final Path RELEASE = Path.of(".github/workflows/release.yml");
  private static JsonNode release;
  private static String text;

  @BeforeAll
  static void read() throws IOException {
    text = Files.readString(RELEASE);
    release = ActionMetadataTest.YAML.readTree(text);
  }

  @Test
  void runsOnVersionTagsOnlyWithNoPermissionsUnlessAJobNamesThem() {
    assertThat(release.path("on").path("push").path("tags").get(0).asText())
        .isEqualTo("v[0-9]+.[0-9]+.[0-9]+");
    assertThat(release.path("on").has("pull_request")).isFalse();
    assertThat(release.path("permissions").isEmpty()).isTrue();
    release
        .path("jobs")
        .properties()
        .forEach(
            job ->
                assertThat(job.getValue().has("permissions"))
                    .as("job %s names its permissions", job.getKey())
                    .isTrue());
    assertThat(release.at("/jobs/pin/permissions/contents").asText()).isEqualTo("write");
    assertThat(release.at("/jobs/image/permissions/packages").asText()).isEqualTo("write");
  }

  @Test
  void publishesBothArchitecturesAfterTheTestsAndChecksEachStarts() {
    assertThat(release.at("/jobs/image/needs").asText()).isEqualTo("test");
    assertThat(steps("test")).anyMatch(run -> run.contains(".ci/run"));
    assertThat(text).contains("platforms: linux/amd64,linux/arm64");
    assertThat(release.at("/jobs/smoke/strategy/matrix/runner").toString())
        .contains("ubuntu-24.04\"", "ubuntu-24.04-arm\"");
    assertThat(steps("smoke")).anyMatch(run -> run.contains("check examples/shop"));
  }

  @Test
  void theMajorTagRunsTheImageByDigestWhichActionYmlLetsItWrite() throws IOException {
    assertThat(release.at("/jobs/pin/needs").toString()).contains("image", "smoke");
    String pin = String.join("\n", steps("pin"));
    assertThat(pin)
        .contains("sed -i \"s|^  image: Dockerfile\\$|  image: docker://${IMAGE}@${DIGEST}|\"")
        .contains("grep -qx \"  image: docker://${IMAGE}@${DIGEST}\" action.yml")
        .contains("git push -f origin \"refs/tags/$major\"");
    assertThat(Files.readAllLines(Path.of("action.yml")))
        .as("the line the release replaces")
        .containsOnlyOnce("  image: Dockerfile");
  }

  @Test
  void onlyThePinJobKeepsTheCheckoutsToken() {
    release
        .path("jobs")
        .properties()
        .forEach(
            job -> {
              for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText().startsWith("actions/checkout@")) {
                  assertThat(step.at("/with/persist-credentials").asBoolean(true))
                      .as("checkout of job %s keeps the token", job.getKey())
                      .isEqualTo(job.getKey().equals("pin"));
                }
              }
            });
  }

  private static List<String> steps(String job) {
    List<String> runs = new ArrayList<>();
    release.at("/jobs/" + job + "/steps").forEach(step -> runs.add(step.path("run").asText()));
    return runs;
  }
}

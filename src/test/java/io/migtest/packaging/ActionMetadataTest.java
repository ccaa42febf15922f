package io.migtest.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * action.yml as the runner reads it, kept in step with the contract (issue 15, PRODUCT.md section
 * 7) and with the README's "GitHub Action" tables.
 */
class ActionMetadataTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static final List<String> OUTPUTS =
      List.of("result", "mutation-score", "report-path", "findings", "comment-url");

  private static JsonNode action;

  @BeforeAll
  static void read() throws IOException {
    action = YAML.readTree(Path.of("action.yml").toFile());
  }

  @Test
  void hasNameDescriptionAndBranding() {
    assertThat(action.path("name").asText()).isEqualTo("migtest");
    assertThat(action.path("description").asText()).isNotBlank().hasSizeLessThan(200);
    assertThat(action.path("branding").path("icon").asText()).isNotBlank();
    assertThat(action.path("branding").path("color").asText()).isNotBlank();
  }

  @Test
  void declaresEveryInputWithADescription() {
    // ActionInputsTest checks that these are exactly the inputs `migtest action` reads.
    assertThat(names(action.path("inputs"))).contains("github-token", "working-directory");
    action
        .path("inputs")
        .properties()
        .forEach(
            e -> {
              assertThat(e.getValue().path("description").asText())
                  .as("description of input %s", e.getKey())
                  .isNotBlank();
              assertThat(e.getValue().has("default"))
                  .as("input %s has a default (the runner then always sets INPUT_*)", e.getKey())
                  .isTrue();
              assertThat(e.getValue().path("required").asBoolean(false))
                  .as("input %s: the runner does not enforce required", e.getKey())
                  .isFalse();
            });
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    Map<String, String> defaults =
        Map.of(
            "github-token", "${{ github.token }}",
            "working-directory", ".",
            "base-ref", "",
            "comment", "always",
            "fail-on-gate-failure", "true",
            "report-dir", "migtest-report");
    defaults.forEach(
        (input, value) ->
            assertThat(action.path("inputs").path(input).path("default").asText())
                .as("default of %s", input)
                .isEqualTo(value));
    assertThat(action.path("inputs").path("fail-on-gate-failure").path("default").isTextual())
        .as("a string, as the runner passes it")
        .isTrue();
    assertThat(action.path("inputs").path("comment").path("description").asText())
        .contains("always", "on-failure", "never");
  }

  @Test
  void declaresEveryOutputWithADescriptionAndNoValue() {
    assertThat(names(action.path("outputs"))).containsExactlyElementsOf(OUTPUTS);
    action
        .path("outputs")
        .properties()
        .forEach(
            e -> {
              assertThat(e.getValue().path("description").asText())
                  .as("description of output %s", e.getKey())
                  .isNotBlank();
              assertThat(e.getValue().has("value"))
                  .as("output %s: a container action writes it to GITHUB_OUTPUT", e.getKey())
                  .isFalse();
            });
  }

  @Test
  void runsTheDockerfileWithTheActionCommand() {
    JsonNode runs = action.path("runs");
    assertThat(runs.path("using").asText()).isEqualTo("docker");
    assertThat(runs.path("image").asText()).isEqualTo("Dockerfile");
    assertThat(runs.path("args").isArray()).isTrue();
    assertThat(runs.path("args").size()).isEqualTo(1);
    assertThat(runs.path("args").get(0).asText()).isEqualTo("action");
    assertThat(runs.has("entrypoint")).as("the image's ENTRYPOINT runs the jar").isFalse();
  }

  @Test
  void readmeTablesListEveryInputAndOutput() throws IOException {
    String section = readmeSection("GitHub Action");
    assertThat(tableNames(section, "input"))
        .containsExactlyElementsOf(names(action.path("inputs")));
    assertThat(tableNames(section, "output")).containsExactlyElementsOf(OUTPUTS);
  }

  @Test
  void readmeQuickStartHasLeastPrivilegeAndACheckoutWithoutCredentials() throws IOException {
    String section = readmeSection("GitHub Action");
    assertThat(section)
        .contains("pull-requests: write")
        .contains("contents: read")
        .contains("fetch-depth: 0")
        .contains("persist-credentials: false")
        .contains("uses: <org>/migtest-action@v1")
        .contains("uses: docker://ghcr.io/<org>/migtest@sha256:<digest>")
        .doesNotContain("pull_request_target:");
  }

  /** The README's section with this heading, up to the next heading of its level. */
  static String readmeSection(String heading) throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("\n## " + heading + "\n");
    assertThat(start).as("README section ## %s", heading).isNotNegative();
    int end = readme.indexOf("\n## ", start + 4);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  /** The first column of the table whose header starts with this word, e.g. | input | ... |. */
  private static List<String> tableNames(String markdown, String header) {
    List<String> names = new ArrayList<>();
    boolean inTable = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("| " + header + " |")) {
        inTable = true;
      } else if (inTable && line.startsWith("|")) {
        Matcher name = Pattern.compile("^\\| `([a-z-]+)` \\|").matcher(line);
        if (name.find()) {
          names.add(name.group(1));
        }
      } else if (inTable) {
        break;
      }
    }
    return names;
  }

  private static List<String> names(JsonNode map) {
    List<String> names = new ArrayList<>();
    map.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

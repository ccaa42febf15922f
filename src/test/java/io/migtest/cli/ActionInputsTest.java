package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.migtest.MigtestException;
import io.migtest.config.ConfigKeys;
import io.migtest.github.CommentMode;
import io.migtest.github.WorkflowEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The action's inputs as the runner passes them, against action.yml. */
class ActionInputsTest {
  private static final WorkflowEvent PULL_REQUEST =
      new WorkflowEvent("pull_request", 7, "0123abcd", false);

  @TempDir Path workspace;

  @Test
  void everyInputOfActionYmlIsReadAndNothingElse() throws Exception {
    JsonNode action = new ObjectMapper(new YAMLFactory()).readTree(Path.of("action.yml").toFile());
    List<String> declared = new ArrayList<>();
    action.path("inputs").fieldNames().forEachRemaining(declared::add);
    assertThat(ActionInputs.NAMES).containsExactlyElementsOf(declared);
  }

  @Test
  void valuesAreTrimmedEmptyOnesAreNotGivenAndTheBaseDefaultsToThePullRequests() {
    ActionInputs inputs =
        ActionInputs.read(
            Map.of(
                "GITHUB_WORKSPACE", workspace.toString(),
                "INPUT_LAYOUT", "  flyway \n",
                "INPUT_MIGRATIONS", "",
                "INPUT_COMMENT", "On-Failure",
                "INPUT_FAIL-ON-GATE-FAILURE", "false"));
    var settings = inputs.settings(PULL_REQUEST);
    assertThat(settings.get(ConfigKeys.LAYOUT).value()).isEqualTo("flyway");
    assertThat(settings.get(ConfigKeys.LAYOUT).source()).isEqualTo("input `layout`");
    assertThat(settings).doesNotContainKey(ConfigKeys.MIGRATIONS);
    assertThat(settings.get(ConfigKeys.BASE).value()).isEqualTo("0123abcd");
    assertThat(inputs.commentMode()).isEqualTo(CommentMode.ON_FAILURE);
    assertThat(inputs.failOnGateFailure()).isFalse();
  }

  @Test
  void badInputsAreUsageErrorsThatNameTheInput() {
    for (var bad :
        List.of(
            Map.of("INPUT_WORKING-DIRECTORY", "../elsewhere"),
            Map.of("INPUT_MUTATION-THRESHOLD", "120"),
            Map.of("INPUT_FAIL-ON-GATE-FAILURE", "maybe"))) {
      Map<String, String> env = new java.util.HashMap<>(bad);
      env.put("GITHUB_WORKSPACE", workspace.toString());
      String input = bad.keySet().iterator().next().substring("INPUT_".length()).toLowerCase();
      assertThatThrownBy(() -> ActionInputs.read(env))
          .isInstanceOf(MigtestException.class)
          .hasMessageContaining("`" + input + "`");
    }
    assertThatThrownBy(() -> ActionInputs.read(Map.of()))
        .hasMessageContaining("GITHUB_WORKSPACE")
        .hasMessageContaining("migtest check");
  }
}

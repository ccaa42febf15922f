package io.migtest.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ready-to-copy workflows: least privilege, a checkout that keeps no token and has the whole
 * history, the triggers and concurrency of issue 15, inputs the action has, and the fork-safe
 * comment pattern. (Schema validity is checked by @action-validator/cli in .ci/run.)
 */
class WorkflowTemplatesTest {
  private static final Path FOLDER = Path.of("workflow-templates");
  private static final String FORK_COMMENT = "migration-comment-from-fork.yml";
  private static final Set<String> EXPECTED =
      Set.of(
          "migration-tests.yml",
          "migration-mutation-matrix.yml",
          "migration-performance.yml",
          "migration-deployment-gates.yml",
          FORK_COMMENT);

  private static final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private static final Map<String, String> texts = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        texts.put(name, Files.readString(file));
        templates.put(name, ActionMetadataTest.YAML.readTree(file.toFile()));
      }
    }
  }

  @Test
  void theFiveTemplatesAreThereAndTheReadmeListsEach() throws IOException {
    assertThat(templates.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED);
    String section = ActionMetadataTest.readmeSection("GitHub Action");
    for (String name : EXPECTED) {
      assertThat(section).contains("workflow-templates/" + name);
    }
  }

  @Test
  void eachStartsWithAHeaderComment() {
    texts.forEach((name, text) -> assertThat(text).as(name).startsWith("# migtest: "));
  }

  @Test
  void pullRequestWorkflowsRunOnPullRequestsAndTheMergeQueueOnePerPullRequest() {
    templates.forEach(
        (name, workflow) -> {
          if (name.equals(FORK_COMMENT)) {
            return;
          }
          assertThat(workflow.path("on").has("pull_request")).as(name).isTrue();
          assertThat(workflow.path("on").has("merge_group")).as(name).isTrue();
          JsonNode concurrency = workflow.path("concurrency");
          assertThat(concurrency.path("group").asText())
              .as(name)
              .contains("github.event.pull_request.number");
          assertThat(concurrency.path("cancel-in-progress").asBoolean()).as(name).isTrue();
        });
  }

  @Test
  void neverPullRequestTarget() {
    templates.forEach(
        (name, workflow) -> assertThat(workflow.path("on").has("pull_request_target")).isFalse());
  }

  @Test
  void permissionsAreLeastPrivilege() {
    templates.forEach(
        (name, workflow) -> {
          assertThat(workflow.path("permissions").isObject())
              .as("%s sets top-level permissions", name)
              .isTrue();
          assertThat(writes(workflow.path("permissions"))).as(name).isSubsetOf("pull-requests");
          workflow
              .path("jobs")
              .properties()
              .forEach(
                  job -> {
                    List<String> writes = writes(job.getValue().path("permissions"));
                    String where = name + " job " + job.getKey();
                    if (job.getKey().equals("refresh-baseline")) {
                      assertThat(writes).as(where).containsExactly("contents", "pull-requests");
                    } else {
                      assertThat(writes).as(where).isSubsetOf("pull-requests");
                    }
                  });
        });
  }

  @Test
  void everyCheckoutHasTheWholeHistoryAndKeepsNoToken() {
    steps()
        .filter(s -> s.path("uses").asText().startsWith("actions/checkout@"))
        .forEach(
            s -> {
              assertThat(s.path("with").path("fetch-depth").asInt(-1)).isZero();
              assertThat(s.path("with").path("persist-credentials").isBoolean()).isTrue();
              assertThat(s.path("with").path("persist-credentials").asBoolean()).isFalse();
            });
  }

  @Test
  void migtestStepsPassOnlyInputsTheActionDeclares() throws java.io.IOException {
    List<String> declared = new ArrayList<>();
    ActionMetadataTest.YAML
        .readTree(java.nio.file.Path.of("action.yml").toFile())
        .path("inputs")
        .fieldNames()
        .forEachRemaining(declared::add);
    List<JsonNode> migtest =
        steps().filter(s -> s.path("uses").asText().startsWith("<org>/migtest-action@")).toList();
    assertThat(migtest).hasSizeGreaterThanOrEqualTo(5);
    for (JsonNode step : migtest) {
      List<String> keys = new ArrayList<>();
      step.path("with").fieldNames().forEachRemaining(keys::add);
      assertThat(keys).isSubsetOf(declared);
    }
  }

  @Test
  void theMutationMatrixRunsFourShardsAndMergesThem() {
    JsonNode workflow = templates.get("migration-mutation-matrix.yml");
    JsonNode shard = workflow.path("jobs").path("shard");
    assertThat(shard.path("strategy").path("matrix").path("shard").size()).isEqualTo(4);
    assertThat(texts.get("migration-mutation-matrix.yml"))
        .contains("shard: ${{ matrix.shard }}/4")
        .contains("args: report merge");
    assertThat(workflow.path("jobs").path("mutation").path("needs").asText()).isEqualTo("shard");
  }

  @Test
  void theDeploymentGatesAreSixJobsOneGateEach() {
    JsonNode jobs = templates.get("migration-deployment-gates.yml").path("jobs");
    List<String> gates = new ArrayList<>();
    jobs.properties()
        .forEach(
            job -> {
              assertThat(job.getValue().has("needs"))
                  .as("a skipped required check counts as passed")
                  .isFalse();
              for (JsonNode step : job.getValue().path("steps")) {
                if (step.path("uses").asText().startsWith("<org>/migtest-action@")) {
                  gates.add(step.path("with").path("gates").asText());
                  assertThat(step.path("with").path("comment").asText()).isEqualTo("never");
                }
              }
            });
    assertThat(gates)
        .containsExactly("lint", "apply", "rollback", "data", "mutation", "performance");
  }

  @Test
  void theForkCommentRunsOnWorkflowRunAndNeverRunsThePullRequestsCode() {
    JsonNode workflow = templates.get(FORK_COMMENT);
    assertThat(names(workflow.path("on"))).containsExactly("workflow_run");
    assertThat(workflow.path("on").path("workflow_run").path("workflows").get(0).asText())
        .isEqualTo(templates.get("migration-tests.yml").path("name").asText());
    assertThat(texts.get(FORK_COMMENT)).doesNotContain("actions/checkout");
    workflow
        .path("jobs")
        .properties()
        .forEach(
            job -> {
              for (JsonNode step : job.getValue().path("steps")) {
                assertThat(step.has("run")).as("no shell step").isFalse();
              }
              assertThat(names(job.getValue().path("permissions")))
                  .containsExactlyInAnyOrder("actions", "pull-requests");
            });
    assertThat(texts.get(FORK_COMMENT))
        .contains("run-id: ${{ github.event.workflow_run.id }}")
        .contains("head_sha")
        .contains("github-actions[bot]");
    assertThat(texts.get("migration-tests.yml")).contains("name: migtest-report");
  }

  private static Stream<JsonNode> steps() {
    List<JsonNode> steps = new ArrayList<>();
    templates
        .values()
        .forEach(w -> w.path("jobs").forEach(job -> job.path("steps").forEach(steps::add)));
    return steps.stream();
  }

  private static List<String> writes(JsonNode permissions) {
    List<String> writes = new ArrayList<>();
    if (permissions.isTextual()) {
      assertThat(permissions.asText()).isNotEqualTo("write-all");
      return writes;
    }
    permissions
        .properties()
        .forEach(
            p -> {
              if (p.getValue().asText().equals("write")) {
                writes.add(p.getKey());
              }
            });
    return writes;
  }

  private static List<String> names(JsonNode map) {
    List<String> names = new ArrayList<>();
    map.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

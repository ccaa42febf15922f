package io.migtest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What migtest needs from the event that started the workflow ({@code GITHUB_EVENT_PATH}).
 *
 * @param pullRequest the pull request's number, or 0 when the event has none (a push, a merge
 *     queue's group)
 * @param baseSha the commit the changes are compared with (the pull request's base, the merge
 *     group's base), or null
 * @param fromFork the pull request's head lives in another repository (or one since deleted), so
 *     the token is read-only
 */
public record WorkflowEvent(String name, int pullRequest, String baseSha, boolean fromFork) {
  private static final long MAX_SIZE = 25L << 20;

  /** Reads the event payload; a missing or unreadable payload is an event without a base. */
  public static WorkflowEvent read(String name, Path payload) throws IOException {
    if (payload == null || !Files.isRegularFile(payload)) {
      return new WorkflowEvent(name, 0, null, false);
    }
    if (Files.size(payload) > MAX_SIZE) {
      throw new IOException("the event payload " + payload + " is over 25 MiB");
    }
    JsonNode event = new ObjectMapper().readTree(payload.toFile());
    JsonNode pr = event.path("pull_request");
    if (pr.isObject()) {
      String base = pr.path("base").path("repo").path("full_name").asText("");
      String head = pr.path("head").path("repo").path("full_name").asText("");
      return new WorkflowEvent(
          name,
          pr.path("number").asInt(event.path("number").asInt(0)),
          text(pr.path("base").path("sha")),
          !head.equals(base));
    }
    JsonNode group = event.path("merge_group");
    if (group.isObject()) {
      return new WorkflowEvent(name, 0, text(group.path("base_sha")), false);
    }
    return new WorkflowEvent(name, 0, null, false);
  }

  /**
   * Whether the event compares changes with a base (a pull request, a merge queue's group): without
   * one, every migration would count as new and a broken payload would pass as a clean run.
   */
  public boolean comparesWithBase() {
    return List.of("pull_request", "pull_request_target", "merge_group").contains(name);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && node.asText().matches("[0-9a-f]{7,64}") ? node.asText() : null;
  }
}

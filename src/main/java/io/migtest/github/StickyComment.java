package io.migtest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The one pull-request comment migtest keeps up to date: found again by its hidden marker and its
 * author, edited in place, created when absent. A comment by anyone else is never touched, even one
 * that copies the marker.
 */
public final class StickyComment {
  /** The author of comments made with the workflow's token. */
  public static final String WORKFLOW_BOT = "github-actions[bot]";

  private final GitHubApi api;
  private final String repository;
  private final String author;
  private String login;

  /**
   * @param repository {@code owner/name}
   * @param author the login whose comment is ours when the token cannot say who it is (the
   *     workflow's token cannot call {@code GET /user})
   */
  public StickyComment(GitHubApi api, String repository, String author) {
    this.api = api;
    this.repository = repository;
    this.author = author;
  }

  /** What happened to the comment. */
  public sealed interface Outcome permits Posted, Refused {}

  /** Created or updated; {@code url} is its address on github.com. */
  public record Posted(String url, boolean created) implements Outcome {}

  /** GitHub refused: {@code readOnly} when the token may not write (a pull request from a fork). */
  public record Refused(String reason, boolean readOnly) implements Outcome {}

  /**
   * Updates our comment on pull request {@code number} to {@code body}, or creates it when {@code
   * create} is set; empty when there was none to update and none was to be created.
   */
  public Optional<Outcome> publish(int number, String marker, String body, boolean create)
      throws IOException {
    String comments = "repos/" + repository + "/issues/" + number + "/comments";
    Optional<JsonNode> ours = find(comments + "?per_page=100", marker);
    if (ours.isEmpty() && !create) {
      return Optional.empty();
    }
    JsonNode payload = JsonNodeFactory.instance.objectNode().put("body", body);
    GitHubApi.Response response;
    String call;
    if (ours.isPresent()) {
      call = "repos/" + repository + "/issues/comments/" + ours.get().get("id").asLong();
      response = api.send("PATCH", call, payload);
    } else {
      call = comments;
      response = api.send("POST", call, payload);
    }
    if (!response.ok()) {
      String method = ours.isPresent() ? "PATCH" : "POST";
      return Optional.of(
          new Refused(GitHubApi.describe(method, call, response), response.status() == 403));
    }
    String url = response.body() == null ? "" : response.body().path("html_url").asText("");
    return Optional.of(new Posted(url, ours.isEmpty()));
  }

  /**
   * Who comments with this token: {@code GET /user} answers for a personal or app user token, so
   * its own earlier comment is found; the workflow's token gets 403 there and comments as {@code
   * github-actions[bot]}.
   */
  private String author() throws IOException {
    if (login == null) {
      GitHubApi.Response me = api.send("GET", "user", null);
      login =
          me.ok() && me.body() != null && me.body().hasNonNull("login")
              ? me.body().get("login").asText()
              : author;
    }
    return login;
  }

  /** Ours: the first comment that carries the marker and is by our author. */
  private Optional<JsonNode> find(String path, String marker) throws IOException {
    String me = author();
    List<JsonNode> all = api.list(path);
    return all.stream()
        .filter(c -> me.equals(c.path("user").path("login").asText()))
        .filter(c -> c.path("body").asText().contains(marker))
        .findFirst();
  }
}

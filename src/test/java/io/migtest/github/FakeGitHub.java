package io.migtest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers the issue-comment endpoints of GitHub's REST API as GitHub does:
 * JSON bodies, pages of {@code per_page} items linked with {@code Link: <...>; rel="next"}, 201 on
 * create, 404 for an unknown comment, and answers queued by a test (403 with {@code retry-after},
 * 5xx, a fork's read-only 403) served before the real one.
 */
public final class FakeGitHub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LIST =
      Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
  private static final Pattern ONE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");

  /** A comment as GitHub keeps it. */
  public record Comment(long id, int issue, String author, String body) {}

  /** An answer a test queues ahead of the normal ones. */
  public record Canned(int status, Map<String, String> headers, String body) {}

  /** One request as received. */
  public record Request(String method, String path, String authorization, String accept) {}

  private final HttpServer server;
  private final List<Comment> comments = Collections.synchronizedList(new ArrayList<>());
  private final Deque<Canned> canned = new ArrayDeque<>();
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Boolean> readOnly = new ConcurrentHashMap<>();
  private long nextId = 1000;
  private int pageSize = 100;
  private volatile String user;

  public FakeGitHub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The API root, as {@code GITHUB_API_URL}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3";
  }

  public synchronized void addComment(int issue, String author, String body) {
    comments.add(new Comment(nextId++, issue, author, body));
  }

  public List<Comment> comments() {
    return List.copyOf(comments);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Serves {@code answer} to the next request instead of the normal answer. */
  public synchronized void queue(int status, Map<String, String> headers, String body) {
    canned.add(new Canned(status, headers, body));
  }

  /** Lists come in pages of {@code size} (GitHub allows up to 100). */
  public void pageSize(int size) {
    pageSize = size;
  }

  /**
   * The token is a user's (a personal access token): {@code GET /user} names them and comments are
   * theirs; without this it is the workflow's token, which {@code GET /user} refuses.
   */
  public void tokenOf(String login) {
    user = login;
  }

  /** The token may read but not write, as a fork pull request's token. */
  public void readOnly() {
    readOnly.put("all", true);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String path = uri.getPath().replaceFirst("^/api/v3", "");
      String method = exchange.getRequestMethod();
      requests.add(
          new Request(
              method,
              path + (uri.getQuery() == null ? "" : "?" + uri.getQuery()),
              exchange.getRequestHeaders().getFirst("Authorization"),
              exchange.getRequestHeaders().getFirst("Accept")));
      Canned next;
      synchronized (this) {
        next = canned.poll();
      }
      if (next != null) {
        next.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        send(exchange, next.status(), next.body());
        return;
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      Matcher list = LIST.matcher(path);
      Matcher one = ONE.matcher(path);
      if (path.equals("/user") && method.equals("GET")) {
        if (user == null) {
          forbidden(exchange);
        } else {
          send(exchange, 200, "{\"login\":\"" + user + "\",\"type\":\"User\"}");
        }
      } else if (list.matches() && method.equals("GET")) {
        page(exchange, Integer.parseInt(list.group(2)), uri.getQuery());
      } else if (list.matches() && method.equals("POST")) {
        if (readOnly.containsKey("all")) {
          forbidden(exchange);
          return;
        }
        String text = JSON.readTree(body).path("body").asText();
        Comment created;
        synchronized (this) {
          created =
              new Comment(
                  nextId++,
                  Integer.parseInt(list.group(2)),
                  user == null ? "github-actions[bot]" : user,
                  text);
          comments.add(created);
        }
        send(exchange, 201, JSON.writeValueAsString(json(created)));
      } else if (one.matches() && method.equals("PATCH")) {
        if (readOnly.containsKey("all")) {
          forbidden(exchange);
          return;
        }
        long id = Long.parseLong(one.group(2));
        String text = JSON.readTree(body).path("body").asText();
        synchronized (comments) {
          for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (c.id() == id) {
              Comment updated = new Comment(id, c.issue(), c.author(), text);
              comments.set(i, updated);
              send(exchange, 200, JSON.writeValueAsString(json(updated)));
              return;
            }
          }
        }
        send(exchange, 404, "{\"message\":\"Not Found\"}");
      } else {
        send(exchange, 404, "{\"message\":\"Not Found\"}");
      }
    }
  }

  private void page(HttpExchange exchange, int issue, String query) throws IOException {
    int page = 1;
    if (query != null) {
      Matcher m = Pattern.compile("(?:^|&)page=(\\d+)").matcher(query);
      if (m.find()) {
        page = Integer.parseInt(m.group(1));
      }
    }
    List<Comment> onIssue = comments().stream().filter(c -> c.issue() == issue).toList();
    int from = Math.min((page - 1) * pageSize, onIssue.size());
    int to = Math.min(from + pageSize, onIssue.size());
    ArrayNode items = JSON.createArrayNode();
    onIssue.subList(from, to).forEach(c -> items.add(json(c)));
    if (to < onIssue.size()) {
      String base = url() + exchange.getRequestURI().getPath().replaceFirst("^/api/v3", "");
      exchange
          .getResponseHeaders()
          .add(
              "Link",
              "<"
                  + base
                  + "?per_page="
                  + pageSize
                  + "&page="
                  + (page + 1)
                  + ">; rel=\"next\", <"
                  + base
                  + "?page=1>; rel=\"first\"");
    }
    send(exchange, 200, JSON.writeValueAsString(items));
  }

  private JsonNode json(Comment c) {
    ObjectNode node = JSON.createObjectNode();
    node.put("id", c.id());
    node.put("body", c.body());
    node.put("html_url", "https://github.com/o/r/pull/" + c.issue() + "#issuecomment-" + c.id());
    node.putObject("user").put("login", c.author()).put("type", "Bot");
    return node;
  }

  private static void forbidden(HttpExchange exchange) throws IOException {
    send(
        exchange,
        403,
        "{\"message\":\"Resource not accessible by integration\","
            + "\"documentation_url\":\"https://docs.github.com/rest\"}");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }
}

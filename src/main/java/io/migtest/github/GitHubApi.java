package io.migtest.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.MigtestVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of GitHub's REST API migtest uses, over {@code java.net.http}: JSON requests with the
 * documented headers, pages followed through {@code Link: rel="next"}, and retries on secondary
 * rate limits (403/429 with {@code retry-after} or {@code x-ratelimit-reset}) and on 5xx answers
 * (but a POST, which may have taken effect, only on rate limits). The token goes only into the
 * Authorization header, never into a message.
 */
public final class GitHubApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
  private static final int ATTEMPTS = 4;
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(60);
  private static final int MAX_PAGES = 100;

  private final HttpClient http;
  private final String apiUrl;
  private final URI base;
  private final String token;
  private final Sleeper sleeper;

  /** Waits between attempts; tests record the waits instead of sleeping. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** An answer: status and body (null when empty or not JSON). */
  public record Response(int status, JsonNode body, String message) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /**
   * @param apiUrl {@code GITHUB_API_URL}, e.g. https://api.github.com or a GitHub Enterprise
   *     Server's {@code https://host/api/v3}
   */
  public GitHubApi(String apiUrl, String token, Sleeper sleeper) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.apiUrl = apiUrl;
    this.base = base(apiUrl);
    this.token = token;
    this.sleeper = sleeper;
  }

  private URI resolve(String path) throws IOException {
    if (base == null) {
      throw new IOException("GITHUB_API_URL is not an http(s) URL: " + apiUrl);
    }
    return base.resolve(path);
  }

  /** The API's root as a URI, or null when {@code apiUrl} is not an http(s) URL. */
  private static URI base(String apiUrl) {
    try {
      URI uri = new URI(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
      boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
      return http && uri.getHost() != null ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** One request to {@code path} (relative to the API root), retried where GitHub asks for it. */
  public Response send(String method, String path, JsonNode body) throws IOException {
    return send(method, resolve(path), body).response();
  }

  /** Every item of a paged list, following {@code Link: rel="next"} up to 100 pages. */
  public List<JsonNode> list(String path) throws IOException {
    List<JsonNode> items = new ArrayList<>();
    URI next = resolve(path);
    for (int page = 0; next != null && page < MAX_PAGES; page++) {
      Exchange exchange = send("GET", next, null);
      if (!exchange.response().ok()) {
        throw new IOException(describe("GET", path, exchange.response()));
      }
      JsonNode body = exchange.response().body();
      if (body == null || !body.isArray()) {
        throw new IOException(
            "GET " + path + " answered " + exchange.response().status() + " without a JSON list");
      }
      body.forEach(items::add);
      next = exchange.next().filter(this::sameHost).orElse(null);
    }
    return items;
  }

  /** A one-line description of a failed call for messages: method, path, status, GitHub's text. */
  public static String describe(String method, String path, Response response) {
    return method
        + " "
        + path
        + " answered "
        + response.status()
        + (response.message() == null ? "" : ": " + response.message());
  }

  private record Exchange(Response response, Optional<URI> next) {}

  private Exchange send(String method, URI uri, JsonNode body) throws IOException {
    if (token == null || token.isEmpty()) {
      throw new IOException(
          "no token (give the action's github-token input, or GITHUB_TOKEN, with pull-requests:"
              + " write)");
    }
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> answer = exchange(method, uri, body);
      Optional<Duration> wait = retryAfter(answer, attempt, method);
      if (wait.isEmpty()) {
        return new Exchange(response(answer), next(answer));
      }
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting to retry " + method + " " + uri, e);
      }
    }
  }

  private HttpResponse<String> exchange(String method, URI uri, JsonNode body) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/vnd.github+json")
            .header("X-GitHub-Api-Version", "2022-11-28")
            .header("User-Agent", "migtest/" + MigtestVersion.get());
    if (token != null && !token.isEmpty()) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted during " + method + " " + uri.getPath(), e);
    } catch (IOException e) {
      // A refused connection has no message of its own.
      throw new IOException(
          "cannot reach "
              + uri.getHost()
              + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")",
          e);
    }
  }

  /**
   * How long to wait before trying again, or empty when the answer is final: secondary rate limits
   * say when (GitHub's docs: {@code retry-after} seconds, else {@code x-ratelimit-reset} when
   * {@code x-ratelimit-remaining} is 0, else at least a minute), 5xx answers back off 1, 2, 4 s.
   */
  private Optional<Duration> retryAfter(HttpResponse<String> answer, int attempt, String method) {
    if (attempt >= ATTEMPTS) {
      return Optional.empty();
    }
    int status = answer.statusCode();
    var headers = answer.headers();
    if (status == 403 || status == 429) {
      Optional<String> retry = headers.firstValue("retry-after");
      if (retry.isPresent()) {
        return Optional.of(bounded(Duration.ofSeconds(parseLong(retry.get(), 60))));
      }
      if (headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
        long reset = parseLong(headers.firstValue("x-ratelimit-reset").orElse(""), 0);
        return Optional.of(
            bounded(Duration.between(Instant.now(), Instant.ofEpochSecond(reset)).plusSeconds(1)));
      }
      if (status == 429) {
        return Optional.of(LONGEST_WAIT);
      }
      return Optional.empty();
    }
    // A POST that failed with 5xx may still have created what it asked for: not sent again.
    if (status >= 500 && !method.equals("POST")) {
      return Optional.of(Duration.ofSeconds(1L << (attempt - 1)));
    }
    return Optional.empty();
  }

  private static Duration bounded(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  private static long parseLong(String text, long otherwise) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static Response response(HttpResponse<String> answer) {
    JsonNode body = null;
    String text = answer.body();
    if (text != null && !text.isBlank()) {
      try {
        body = JSON.readTree(text);
      } catch (IOException e) {
        body = null;
      }
    }
    String message =
        body != null && body.hasNonNull("message") ? body.get("message").asText() : null;
    return new Response(answer.statusCode(), body, message);
  }

  private static Optional<URI> next(HttpResponse<String> answer) {
    return answer
        .headers()
        .firstValue("link")
        .map(NEXT::matcher)
        .filter(Matcher::find)
        .map(m -> URI.create(m.group(1)));
  }

  /** The token is only ever sent to the API's own host. */
  private boolean sameHost(URI uri) {
    return base.getScheme().equals(uri.getScheme())
        && base.getAuthority().equals(uri.getAuthority());
  }
}

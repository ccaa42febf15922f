package io.migtest.db;

import io.migtest.MigtestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses {@code postgres://user:password@host:port/db?sslmode=...} and {@code
 * jdbc:postgresql://host:port/db?user=..&password=..} into an endpoint. Error messages never repeat
 * the URL, which may hold a password.
 */
public final class DatabaseUrl {
  private DatabaseUrl() {}

  public static ServerEndpoint parse(String url) {
    String text = url.strip();
    if (text.startsWith("jdbc:")) {
      text = text.substring("jdbc:".length());
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("it is not a valid URL (" + e.getReason() + ")");
    }
    if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
      throw invalid("it must start with postgres:// or postgresql://");
    }
    if (uri.getHost() == null) {
      throw invalid("it names no host");
    }
    Map<String, String> params = query(uri.getRawQuery());
    String user = params.remove("user");
    String password = params.remove("password");
    if (uri.getRawUserInfo() != null) {
      String[] info = uri.getRawUserInfo().split(":", 2);
      user = decode(info[0]);
      password = info.length > 1 ? decode(info[1]) : password;
    }
    if (user == null || user.isEmpty()) {
      user = "postgres";
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    return new ServerEndpoint(
        uri.getHost(),
        uri.getPort() < 0 ? 5432 : uri.getPort(),
        user,
        password,
        path.isEmpty() ? "postgres" : decode(path),
        params);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
    }
    return params;
  }

  private static String decode(String s) {
    // Percent-decoding only: in a URL's user info and path, '+' is a plus, not a space.
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static MigtestException invalid(String why) {
    return MigtestException.usage(
        "The database URL is not usable: "
            + why
            + ". Expected postgres://user:password@host:5432/database.");
  }
}

package io.migtest.db;

import io.migtest.MigtestException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses {@code postgres://user:password@host:port/db?sslmode=...} and {@code
 * jdbc:postgresql://host:port/db?user=..&password=..} into an endpoint. Error messages never repeat
 * the URL, which may hold a password.
 */
public final class DatabaseUrl {
  private static final int MAX_PORT = 65535;
  private static final String PORT_RANGE = "the port must be between 1 and " + MAX_PORT;

  /**
   * The query parameters passed on to the driver. The URL may come from {@code migtest.yml}, so not
   * every driver property is welcome: some name classes to load or files to write.
   */
  private static final Set<String> PARAMETERS =
      Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "options");

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
      throw invalid(authorityProblem(uri.getRawAuthority()));
    }
    if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
      throw invalid(PORT_RANGE);
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
    for (String name : params.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw invalid(
            "the parameter '"
                + name
                + "' is not supported; a URL may carry "
                + String.join(", ", PARAMETERS.stream().sorted().toList()));
      }
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

  /**
   * Why {@link URI} found no host: it then reads the authority as a registry name, so the host
   * itself may be fine and the port or user info be the problem.
   */
  private static String authorityProblem(String authority) {
    if (authority == null || authority.endsWith("@")) {
      return "it names no host";
    }
    if (authority.indexOf('@') != authority.lastIndexOf('@')) {
      return "an '@' in the user name or password must be written %40";
    }
    String hostPort = authority.substring(authority.indexOf('@') + 1);
    int colon = hostPort.lastIndexOf(':');
    if (colon >= 0 && !hostPort.endsWith("]")) {
      String port = hostPort.substring(colon + 1);
      if (!port.matches("[0-9]*")) {
        return "the port is not a number";
      }
      if (!port.isEmpty() && new BigInteger(port).compareTo(BigInteger.valueOf(MAX_PORT)) > 0) {
        return PORT_RANGE;
      }
    }
    return "the host name is not valid (letters, digits, '-' and '.')";
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

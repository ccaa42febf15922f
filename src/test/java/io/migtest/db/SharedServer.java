package io.migtest.db;

/** One embedded server for the whole test run; it stops when the test JVM exits. */
public final class SharedServer {
  private static DatabaseServer server;

  private SharedServer() {}

  /** A {@code postgres://} URL of the shared server with its superuser's credentials. */
  public static String url() {
    ServerEndpoint e = get().endpoint();
    return "postgres://"
        + e.user()
        + ":"
        + e.password()
        + "@"
        + e.host()
        + ":"
        + e.port()
        + "/postgres";
  }

  public static synchronized DatabaseServer get() {
    if (server == null) {
      server = new EmbeddedProvider(System.getenv(), null).start();
    }
    return server;
  }
}

package io.migtest.db;

/** One embedded server for the whole test run; it stops when the test JVM exits. */
public final class SharedServer {
  private static DatabaseServer server;

  private SharedServer() {}

  public static synchronized DatabaseServer get() {
    if (server == null) {
      server = new EmbeddedProvider().start();
    }
    return server;
  }
}

package io.migtest.db;

/** Gives migtest a PostgreSQL server: embedded, in Docker, or an existing one by URL. */
public interface DatabaseProvider {

  /** {@code embedded}, {@code docker} or {@code url}. */
  String name();

  /** One line on how the server will be started or reached, for {@code migtest doctor}. */
  String plan();

  /** Starts or connects to the server. Failures are environment errors (exit 3). */
  DatabaseServer start();
}

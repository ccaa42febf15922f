package io.migtest.db;

/** Gives migtest a PostgreSQL server: embedded, in Docker, or an existing one by URL. */
public interface DatabaseProvider {

  /** {@code embedded}, {@code docker} or {@code url}. */
  String name();

  /** One line on how the server will be started or reached, for {@code migtest doctor}. */
  String plan();

  /**
   * The role migtest connects as, known before the server starts (Flyway's {@code ${flyway:user}}).
   */
  String user();

  /** The database migtest connects to first (Flyway's {@code ${flyway:database}}). */
  String database();

  /** Starts or connects to the server. Failures are environment errors (exit 3). */
  DatabaseServer start();
}

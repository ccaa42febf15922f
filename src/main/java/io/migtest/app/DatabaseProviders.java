package io.migtest.app;

import io.migtest.config.Config;
import io.migtest.db.DatabaseProvider;
import io.migtest.db.DockerProvider;
import io.migtest.db.EmbeddedProvider;
import io.migtest.db.UrlProvider;

/** Picks the provider: a database URL wins, then a Docker image, else the embedded server. */
public final class DatabaseProviders {
  private DatabaseProviders() {}

  public static DatabaseProvider choose(Config config) {
    if (config.databaseUrl() != null) {
      return new UrlProvider(config.databaseUrl());
    }
    if (config.postgresImage() != null) {
      return new DockerProvider(config.postgresImage());
    }
    return new EmbeddedProvider(config.environment(), null);
  }
}

package io.migtest.cli;

import io.migtest.config.ConfigKeys;
import io.migtest.config.Setting;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --database-url} and {@code --postgres-image}: which PostgreSQL a command uses. */
final class DatabaseOptions {
  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description =
          "Use an existing server (postgres://user:pass@host:5432/db); migtest creates and drops"
              + " only its own migtest_* databases.")
  String url;

  @Option(
      names = "--postgres-image",
      paramLabel = "IMAGE",
      description =
          "Start PostgreSQL from this Docker image through Testcontainers (e.g. postgres:16).")
  String image;

  /** Adds the options given to {@code flags}. */
  void addTo(Map<String, Setting> flags) {
    CheckCommand.put(flags, ConfigKeys.DATABASE_URL, url, "--database-url");
    CheckCommand.put(flags, ConfigKeys.POSTGRES_IMAGE, image, "--postgres-image");
  }

  /** The flag that names a database, or null when neither was given. */
  String given() {
    return url != null ? "--database-url" : image != null ? "--postgres-image" : null;
  }
}

package io.migtest.db;

import io.migtest.MigtestException;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL in Docker through Testcontainers, to match the production server's version. */
public final class DockerProvider implements DatabaseProvider {
  private final String image;

  public DockerProvider(String image) {
    this.image = image;
  }

  @Override
  public String name() {
    return "docker";
  }

  /** Testcontainers' default role and database, set explicitly so they stay known. */
  @Override
  public String user() {
    return "test";
  }

  @Override
  public String database() {
    return "test";
  }

  @Override
  public String plan() {
    return "Docker image " + image + " through Testcontainers";
  }

  /** True when a Docker engine answers. */
  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public DatabaseServer start() {
    if (!dockerAvailable()) {
      throw MigtestException.environment(
          "--postgres-image needs a Docker engine and none answers here (DOCKER_HOST or"
              + " /var/run/docker.sock). Start Docker, or drop --postgres-image to use the embedded"
              + " PostgreSQL, or pass --database-url.");
    }
    PostgreSQLContainer container;
    try {
      container =
          new PostgreSQLContainer(
                  DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
              .withUsername(user())
              .withDatabaseName(database())
              .withCommand(
                  "postgres",
                  "-c",
                  "fsync=off",
                  "-c",
                  "synchronous_commit=off",
                  "-c",
                  "full_page_writes=off");
      container.start();
    } catch (RuntimeException e) {
      throw MigtestException.environment(
          "Cannot start PostgreSQL from Docker image " + image + ": " + e.getMessage(), e);
    }
    ServerEndpoint endpoint =
        new ServerEndpoint(
            container.getHost(),
            container.getFirstMappedPort(),
            container.getUsername(),
            container.getPassword(),
            container.getDatabaseName(),
            Map.of());
    return new DatabaseServer(endpoint, plan(), container::stop);
  }
}

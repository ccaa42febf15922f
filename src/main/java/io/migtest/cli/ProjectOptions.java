package io.migtest.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project folder and its config file, for the commands that take DIR. */
final class ProjectOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "Project root (default: .).")
  Path projectDir = Path.of(".");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Config file, relative to the current folder (default: migtest.yml in DIR).")
  Path configFile;

  /** DIR as an absolute, normalised path. */
  Path dir() {
    return projectDir.toAbsolutePath().normalize();
  }
}

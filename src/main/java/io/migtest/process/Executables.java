package io.migtest.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds programs on {@code PATH} the way a shell does, minus anything from the workspace. */
public final class Executables {
  private Executables() {}

  /** The first executable {@code program} in the absolute entries of {@code PATH}. */
  public static Optional<Path> find(String program, Map<String, String> env) {
    String path = env.getOrDefault("PATH", ChildEnvironment.SYSTEM_PATH);
    for (String dir : path.split(":")) {
      if (!dir.startsWith("/")) {
        continue; // a relative entry would run a program from the workspace as root
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}

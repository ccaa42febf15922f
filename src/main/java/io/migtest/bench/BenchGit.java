package io.migtest.bench;

import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** git in a benchmark's generated repository, with a throwaway identity and home. */
final class BenchGit {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private BenchGit() {}

  static void run(Path repo, Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=bench", "-c", "user.email=bench@local"));
    command.addAll(List.of(args));
    Map<String, String> childEnv = ChildEnvironment.minimal(env);
    childEnv.put("HOME", repo.toString());
    CommandResult result = Commands.run(command, repo, childEnv, LIMIT);
    if (!result.succeeded()) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + result.output());
    }
  }
}

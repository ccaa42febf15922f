package io.migtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.process.ChildEnvironment;
import io.migtest.process.Commands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** git in a test's repository, with a throwaway identity; the command must succeed. */
public final class TestGit {
  private TestGit() {}

  /** Runs git {@code args} in {@code repo}, with {@code home} as its HOME. */
  public static void run(Path repo, Path home, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@t"));
    command.addAll(List.of(args));
    Map<String, String> env = ChildEnvironment.minimal(System.getenv());
    env.put("HOME", home.toString());
    assertThat(Commands.run(command, repo, env, Duration.ofSeconds(30)).succeeded())
        .as("git " + String.join(" ", args))
        .isTrue();
  }
}

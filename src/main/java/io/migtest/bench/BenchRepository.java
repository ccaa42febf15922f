package io.migtest.bench;

import io.migtest.app.CheckService;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.gate.GateRunner;
import io.migtest.gate.Progress;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated git repository of a benchmark: its base branch committed as {@code main}, the pull
 * request's migrations written on a branch, and {@code check --base main} timed on it.
 */
final class BenchRepository {
  private static final Duration GIT_LIMIT = Duration.ofSeconds(60);

  private final Path dir;
  private final Map<String, String> env;

  BenchRepository(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  /** Commits what the folder holds as {@code main} and goes on on a branch of it. */
  void commitBase() throws IOException {
    git("init", "-q", "-b", "main");
    git("add", "-A");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "feature");
  }

  /** A check's outcome and how long it took, database start included. */
  record Timed(CheckService.Outcome outcome, double seconds) {}

  /** Runs {@code check --gates GATES --base main} in process, with the report in the folder. */
  Timed check(String gates) {
    Map<String, Setting> flags = new HashMap<>();
    flags.put(ConfigKeys.GATES, new Setting(gates, "bench"));
    flags.put(ConfigKeys.BASE, new Setting("main", "bench"));
    flags.put(ConfigKeys.REPORT_DIR, new Setting(dir.resolve("report").toString(), "bench"));
    var config = ConfigResolver.resolve(dir, null, env, flags);
    long started = System.nanoTime();
    CheckService.Outcome outcome =
        new CheckService(GateRunner.standard(), List.of()).run(config, Progress.SILENT);
    return new Timed(outcome, (System.nanoTime() - started) / 1e9);
  }

  private void git(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(List.of("git", "-c", "user.name=bench", "-c", "user.email=bench@local"));
    command.addAll(List.of(args));
    Map<String, String> childEnv = ChildEnvironment.minimal(env);
    childEnv.put("HOME", dir.toString());
    CommandResult result = Commands.run(command, dir, childEnv, GIT_LIMIT);
    if (!result.succeeded()) {
      throw new IOException("git " + String.join(" ", args) + " failed: " + result.output());
    }
  }
}

package io.migtest.oracle;

import io.migtest.MigtestException;
import io.migtest.db.LaunchPlan;
import io.migtest.db.LaunchPlanner;
import io.migtest.db.PrivateFolder;
import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import io.migtest.db.ServerEndpoint;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.fs.TreeDeletion;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team's own test command ({@code --test-command "mvn -q test"}), run through {@code sh -c} in
 * the project folder against a database, judged by its exit status.
 *
 * <p>It runs pull-request code, so it gets only an allow-list of the parent's environment (tool
 * settings such as {@code HOME} and {@code JAVA_HOME}, never tokens) plus the connection variables
 * {@code DATABASE_URL}, {@code PGHOST}, {@code PGPORT}, {@code PGUSER}, {@code PGPASSWORD} and
 * {@code PGDATABASE}. A cleared environment is not enough when migtest runs as root: the command
 * could read migtest's own environment from {@code /proc}. So as root it runs as the unprivileged
 * account that runs PostgreSQL (through {@code setpriv}), with a private {@code HOME} and {@code
 * TMPDIR}, in a session of its own whose leftover processes are killed when it ends.
 */
public final class TestCommand implements Oracle {
  /** Parent variables a build tool commonly needs; nothing else is passed on. */
  static final Set<String> PASSED_ON =
      Set.of(
          "HOME",
          "USER",
          "LOGNAME",
          "SHELL",
          "TERM",
          "TZ",
          "TMPDIR",
          "CI",
          "JAVA_HOME",
          "MAVEN_OPTS",
          "MAVEN_HOME",
          "GRADLE_USER_HOME",
          "GOPATH",
          "GOCACHE",
          "CARGO_HOME",
          "NODE_OPTIONS",
          "PYTHONPATH",
          "VIRTUAL_ENV");

  /** The name of the command's result in reports. */
  public static final String NAME = "test-command";

  private static final int OUTPUT_LINES = 20;
  private final String command;
  private final Path projectDir;
  private final Map<String, String> parentEnv;
  private final Duration limit;

  public TestCommand(
      String command, Path projectDir, Map<String, String> parentEnv, Duration limit) {
    this.command = command;
    this.projectDir = projectDir;
    this.parentEnv = parentEnv;
    this.limit = limit;
  }

  /** The environment the command gets for {@code database} on {@code endpoint}. */
  public Map<String, String> environment(ServerEndpoint endpoint, String database) {
    Map<String, String> env = ChildEnvironment.minimal(parentEnv);
    parentEnv.forEach(
        (name, value) -> {
          if (PASSED_ON.contains(name)) {
            env.put(name, value);
          }
        });
    String password = endpoint.password() == null ? "" : endpoint.password();
    env.put(
        "DATABASE_URL",
        "postgres://"
            + encode(endpoint.user())
            + (password.isEmpty() ? "" : ":" + encode(password))
            + "@"
            + endpoint.host()
            + ":"
            + endpoint.port()
            + "/"
            + encode(database));
    env.put("PGHOST", endpoint.host());
    env.put("PGPORT", String.valueOf(endpoint.port()));
    env.put("PGUSER", endpoint.user());
    env.put("PGPASSWORD", password);
    env.put("PGDATABASE", database);
    return env;
  }

  /** The command's verdict on {@code database}: one result named {@code test-command}. */
  @Override
  public List<TestResult> judge(ScratchDatabase database, ScriptRunner runner) {
    long started = System.nanoTime();
    Optional<Finding> failure = run(database.server().endpoint(), database.name());
    long millis = (System.nanoTime() - started) / 1_000_000;
    return List.of(
        new TestResult(
            NAME,
            "command",
            failure.isPresent() ? TestStatus.FAIL : TestStatus.PASS,
            millis,
            failure
                .map(f -> List.of(new TestFailure(null, 0, "exit 0", null, f.message())))
                .orElse(List.of()),
            null));
  }

  /** Runs the command; empty when it exits 0, else a finding with the end of its output. */
  public Optional<Finding> run(ServerEndpoint endpoint, String database) {
    LaunchPlan plan;
    try {
      plan = LaunchPlanner.plan(parentEnv);
    } catch (MigtestException e) {
      plan = null;
    }
    if (plan == null) {
      return Optional.of(
          failure(
              "not run: migtest runs as root and cannot run it as an unprivileged user (setpriv"
                  + " or an unprivileged account is missing), and as root it could read migtest's"
                  + " own secrets. Install util-linux (setpriv) and add a system user (e.g."
                  + " `useradd --system migtest`), or run migtest as a non-root user."));
    }
    Map<String, String> env = environment(endpoint, database);
    List<String> commandLine = new ArrayList<>(plan.commandPrefix());
    commandLine.addAll(List.of("/bin/sh", "-c", command));
    Path home = null;
    CommandResult result;
    try {
      if (plan.account() != null) {
        home =
            PrivateFolder.create(
                Path.of(System.getProperty("java.io.tmpdir"), "migtest-tests-0"),
                "home",
                plan.account());
        env.put("HOME", home.toString());
        env.put("TMPDIR", home.toString());
      }
      result = Commands.runInOwnSession(commandLine, projectDir, env, limit);
    } catch (IOException e) {
      return Optional.of(failure("could not run: " + e.getMessage()));
    } finally {
      if (home != null) {
        TreeDeletion.delete(home);
      }
    }
    if (result.succeeded()) {
      return Optional.empty();
    }
    List<String> lines = redact(result.output(), endpoint.password()).strip().lines().toList();
    String tail =
        String.join("\n", lines.subList(Math.max(0, lines.size() - OUTPUT_LINES), lines.size()));
    return Optional.of(failure("exited with " + result.exitCode() + ". Last output:\n" + tail));
  }

  private Finding failure(String what) {
    return new Finding(
        RuleId.TEST_COMMAND_FAILED,
        Severity.ERROR,
        null,
        0,
        "The test command `" + command + "` failed on the migrated database: " + what,
        null);
  }

  /** Test output often echoes its connection settings; the password must not reach a report. */
  private static String redact(String output, String password) {
    if (password == null || password.isEmpty()) {
      return output;
    }
    return output.replace(password, "***").replace(encode(password), "***");
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

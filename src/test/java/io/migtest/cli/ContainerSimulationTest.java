package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code migtest} as a separate process in a simulated GitHub container action: root, an
 * {@code unshare} that Docker's seccomp profile refuses first on PATH, and the runner's secrets in
 * the environment.
 */
class ContainerSimulationTest {
  private static final Map<String, String> SECRETS =
      Map.of(
          "INPUT_GITHUB-TOKEN", "ghs_inputTokenValue123",
          "GITHUB_TOKEN", "ghs_workflowTokenValue000",
          "ACTIONS_RUNTIME_TOKEN", "runtimeTokenValue456",
          "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "idTokenValue789");

  @TempDir Path work;
  private Path fakeBin;

  @BeforeEach
  void refusingUnshare() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "the container action runs as root");
    fakeBin = Files.createDirectories(work.resolve("bin"));
    Path unshare = fakeBin.resolve("unshare");
    Files.writeString(
        unshare,
        "#!/bin/sh\necho 'unshare: unshare failed: Operation not permitted' >&2\nexit 1\n");
    Files.setPosixFilePermissions(unshare, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result migtest(String... args) throws IOException, InterruptedException {
    return migtest(List.of(), args);
  }

  private Result migtest(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Process process = start(List.of(), jvmOptions, work.resolve("output.txt"), args);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("migtest did not finish within 5 minutes");
    }
    return new Result(
        process.exitValue(), Files.readString(work.resolve("output.txt"), StandardCharsets.UTF_8));
  }

  /**
   * Starts migtest as a separate JVM, as root with the runner's secrets in its environment.
   *
   * @param shellPrefix a shell command run first, e.g. {@code ulimit -f 4096} (empty: none)
   */
  private Process start(
      List<String> shellPrefix, List<String> jvmOptions, Path output, String... args)
      throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.migtest.cli.Main"));
    command.addAll(List.of(args));
    if (!shellPrefix.isEmpty()) {
      List<String> shell =
          new java.util.ArrayList<>(
              List.of("/bin/sh", "-c", String.join(" ", shellPrefix) + "; exec \"$@\"", "sh"));
      shell.addAll(command);
      command = shell;
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(SECRETS);
    builder.environment().remove("TMPDIR");
    // A container's /dev/shm holds 64 MB: its data folders stay on disk, as here.
    builder.environment().put("MIGTEST_POSTGRES_DATA", "disk");
    builder.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    builder.environment().put("CI", "true");
    builder.redirectOutput(output.toFile());
    return builder.start();
  }

  private record Result(int exitCode, String output) {}

  @Test
  void checkPassesOnTheShopExampleWhenUnshareIsRefused() throws Exception {
    Path reports = work.resolve("reports");
    Result result =
        migtest(
            "check",
            Path.of("examples/shop").toAbsolutePath().toString(),
            "--gates",
            "lint,apply,rollback,data",
            "--report-dir",
            reports.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("through setpriv").contains("apply").contains("PASS");
  }

  @Test
  void aMigrationRunningAProgramOnTheServerSeesNoneOfTheRunnersSecrets() throws Exception {
    // The server runs as an unprivileged user: it must be able to reach the drop folder.
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path drop = Files.createDirectories(work.resolve("drop"));
    Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path envFile = drop.resolve("server-env.txt");
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(
        project.resolve("db/migrations/V1__exfiltrate.sql"),
        "CREATE TABLE t (id int);\nCOPY (SELECT 1) TO PROGRAM 'cat > /dev/null; env > "
            + envFile
            + "';\n");
    Result result =
        migtest("check", project.toString(), "--report-dir", work.resolve("reports").toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    String serverEnv = Files.readString(envFile);
    assertThat(serverEnv).contains("PATH=");
    for (var secret : SECRETS.entrySet()) {
      assertThat(serverEnv).doesNotContain(secret.getKey()).doesNotContain(secret.getValue());
    }
    assertThat(result.output()).doesNotContain("ghs_inputTokenValue123");
  }

  @Test
  void doctorSaysHowTheDatabaseWillStartAndWhy() throws Exception {
    Result result = migtest("doctor", Path.of("examples/shop").toAbsolutePath().toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output())
        .contains("database:")
        .contains("through setpriv")
        .contains("PostgreSQL refuses root")
        .contains("layout flyway");
  }

  @Test
  void aFailingMigrationLeavesNoDataFolderBehind() throws Exception {
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    Path runs = tmp.resolve("migtest-postgres-0").resolve("run");
    Path project = work.resolve("failing");
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__a.sql"), "CREATE TABLE a (id int);");
    Files.writeString(
        project.resolve("db/migrations/V2__b.sql"), "INSERT INTO a VALUES (1);\nSELECT 1/0;");
    List<String> before = entries(runs);
    Result result =
        migtest("check", project.toString(), "--report-dir", work.resolve("r").toString());
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("V2__b.sql:2").contains("22012");
    assertThat(entries(runs)).isEqualTo(before);
  }

  private static List<String> entries(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void noWritableTempFolderIsAnEnvironmentErrorThatSaysWhatToDo() throws Exception {
    Path notAFolder = Files.writeString(work.resolve("not-a-folder"), "x");
    Result result =
        migtest(
            List.of("-Djava.io.tmpdir=" + notAFolder),
            "check",
            Path.of("examples/shop").toAbsolutePath().toString(),
            "--report-dir",
            work.resolve("r").toString());
    assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
    assertThat(result.output())
        .contains("embedded PostgreSQL")
        .contains("TMPDIR")
        .contains("--database-url")
        .contains("--postgres-image")
        .doesNotContain("\tat ");
  }

  /**
   * Not root: PostgreSQL runs as the same user, directly. The test runs migtest as {@code nobody}
   * from a world-readable copy of the class path.
   */
  @Test
  void asAnUnprivilegedUserPostgresStartsDirectly() throws Exception {
    Path open = Files.createDirectories(work.resolve("open"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path jars = Files.createDirectories(open.resolve("jars"));
    List<String> classPath = new java.util.ArrayList<>();
    for (Path entry : ClassPath.entries()) {
      Path copy = jars.resolve(classPath.size() + "-" + entry.getFileName());
      TreeCopy.copy(entry, copy);
      classPath.add(copy.toString());
    }
    Path tmp = Files.createDirectories(open.resolve("tmp"));
    Path project = Files.createDirectories(open.resolve("project/db/migrations"));
    Files.writeString(project.resolve("V1__t.sql"), "CREATE TABLE t (id int);");
    try (var walk = Files.walk(open)) {
      for (Path p : walk.toList()) {
        Files.setPosixFilePermissions(
            p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxrwxrwx" : "rw-rw-rw-"));
      }
    }
    List<String> command =
        List.of(
            "setpriv",
            "--reuid=nobody",
            "--regid=nogroup",
            "--clear-groups",
            "--",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Djava.io.tmpdir=" + tmp,
            "-cp",
            String.join(":", classPath),
            "io.migtest.cli.Main",
            "check",
            open.resolve("project").toString(),
            "--report-dir",
            open.resolve("reports").toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("HOME", open.toString());
    builder.redirectOutput(work.resolve("nobody.txt").toFile());
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(work.resolve("nobody.txt"));
    assumeTrue(!output.contains("setpriv: "), "cannot switch to nobody here: " + output);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("started as the current user").contains("PASS");
  }

  @Test
  void aTestCommandFromTheRepositoryCannotReadMigtestsEnvironment() throws Exception {
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path drop = Files.createDirectories(work.resolve("drop"));
    Files.setPosixFilePermissions(drop, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path seen = drop.resolve("seen.txt");
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__t.sql"), "CREATE TABLE t (id int);");
    Files.writeString(
        project.resolve("migtest.yml"),
        "test-command: >-\n"
            + "  { id -u; cat /proc/$PPID/environ; for f in /proc/[0-9]*/environ; do cat $f;"
            + " done; } > "
            + seen
            + " 2>&1; cat /proc/$PPID/environ; exit 1\n");
    Path reports = work.resolve("reports");
    Result result = migtest("check", project.toString(), "--report-dir", reports.toString());
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("test-command-failed").contains("Permission denied");
    String seenByCommand = Files.readString(seen);
    assertThat(seenByCommand.lines().findFirst()).isNotEqualTo(java.util.Optional.of("0"));
    List<String> everything =
        List.of(
            seenByCommand,
            result.output(),
            Files.readString(reports.resolve("report.json")),
            Files.readString(reports.resolve("report.md")));
    for (String text : everything) {
      for (String secret : SECRETS.values()) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  @Test
  void afterKillMinus9NoPostgresOutlivesMigtestAndTheNextRunCleansUp() throws Exception {
    // The run folder is shared with every other migtest of this uid (other builds on the same
    // machine): look only at folders owned by the processes this test starts.
    Path runs = Path.of(System.getProperty("java.io.tmpdir"), "migtest-postgres-0", "run");
    List<String> before = entries(runs);
    Path project = work.resolve("slow");
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(project.resolve("db/migrations/V1__slow.sql"), "SELECT pg_sleep(600);");
    Path output = work.resolve("killed.txt");
    Process migtest =
        start(
            List.of(),
            List.of(),
            output,
            "check",
            project.toString(),
            "--report-dir",
            work.resolve("r").toString());
    try {
      assertThat(waitFor(() -> Files.readString(output).contains(" ready"), 120))
          .as("PostgreSQL started")
          .isTrue();
      String owned = "data-" + migtest.pid() + ".";
      List<String> dataDirs =
          entries(runs).stream()
              .filter(e -> e.startsWith(owned) && !e.endsWith(".pw"))
              .map(e -> runs + "/" + e)
              .toList();
      assertThat(dataDirs).hasSize(1);
      assertThat(postgresServing(dataDirs.get(0))).isTrue();
      migtest.destroyForcibly().waitFor();
      assertThat(
              waitFor(
                  () ->
                      !postgresServing(dataDirs.get(0)) && !Files.exists(Path.of(dataDirs.get(0))),
                  10))
          .as("postgres of " + dataDirs.get(0) + " stopped and its folder removed")
          .isTrue();
    } finally {
      migtest.destroyForcibly();
    }
    Result next =
        migtest(
            "check",
            Path.of("examples/shop").toAbsolutePath().toString(),
            "--gates",
            "lint,apply,rollback,data",
            "--report-dir",
            work.resolve("r2").toString());
    assertThat(next.exitCode()).as(next.output()).isZero();
    assertThat(waitFor(() -> leftBehind(runs, before).isEmpty(), 10))
        .as("folders left behind in %s: %s", runs, leftBehind(runs, before))
        .isTrue();
  }

  /** Folders that appeared since {@code before} and whose owner process has ended. */
  private static List<String> leftBehind(Path runs, List<String> before) throws IOException {
    return entries(runs).stream()
        .filter(e -> !before.contains(e))
        .filter(
            e -> {
              java.util.regex.Matcher owner =
                  java.util.regex.Pattern.compile("data-(\\d+)\\.").matcher(e);
              return !owner.lookingAt()
                  || ProcessHandle.of(Long.parseLong(owner.group(1))).isEmpty();
            })
        .toList();
  }

  @Test
  void aFailedExtractionLeavesNothingBehind() throws Exception {
    Path tmp = Files.createDirectories(work.resolve("tmp"));
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path output = work.resolve("full-disk.txt");
    // A file size limit of 2 MiB stands in for a full disk: the server binary is larger.
    Process migtest =
        start(
            List.of("ulimit -f 4096"),
            List.of("-Djava.io.tmpdir=" + tmp),
            output,
            "check",
            Path.of("examples/shop").toAbsolutePath().toString(),
            "--report-dir",
            work.resolve("r").toString());
    assertThat(migtest.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(output);
    assertThat(migtest.exitValue()).as(text).isEqualTo(3);
    assertThat(text).contains("Cannot extract the embedded PostgreSQL binaries");
    try (var walk = Files.walk(tmp)) {
      assertThat(walk.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith("extracting-"));
    }
  }

  /** A condition that may throw while its files are being written. */
  private interface Condition {
    boolean holds() throws IOException;
  }

  /** Polls {@code condition} every 100 ms until it holds or {@code seconds} pass. */
  private static boolean waitFor(Condition condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return true;
      }
      Thread.sleep(100);
    }
    return condition.holds();
  }

  /** True while a process runs with {@code dataDir} on its command line. */
  private static boolean postgresServing(String dataDir) {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p ->
                p.info().arguments().map(a -> List.of(a).contains(dataDir)).orElse(false)
                    && p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
  }
}

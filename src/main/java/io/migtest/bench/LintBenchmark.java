package io.migtest.bench;

import io.migtest.fs.TreeDeletion;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lints a generated corpus of migration files the way a user runs it, {@code migtest lint} in a new
 * JVM (start included), first with an empty parse cache and then with the cache the first run left;
 * runs {@code squawk} on the same files when it is on the PATH, and prints the ratio.
 */
public final class LintBenchmark {
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private final int files;
  private final Map<String, String> env;

  public LintBenchmark(int files, Map<String, String> env) {
    this.files = files;
    this.env = env;
  }

  public void run(PrintWriter out) throws IOException {
    Path project = Files.createTempDirectory("migtest-bench-lint-");
    try {
      run(project, out);
    } finally {
      TreeDeletion.delete(project);
    }
  }

  private void run(Path project, PrintWriter out) throws IOException {
    Path dir = project.resolve("db/migrations");
    int statements = HistoryGenerator.write(dir, files);
    out.printf(Locale.ROOT, "corpus: %d files, %d statements in %s%n", files, statements, dir);
    List<String> lint = new ArrayList<>(List.of(javaProgram()));
    lint.addAll(jvmOptions());
    lint.addAll(
        List.of(
            "-jar",
            jar().toString(),
            "lint",
            project.toString(),
            "--report-dir",
            project.resolve("report").toString()));
    out.printf(
        Locale.ROOT,
        "JVM options (this JVM's): %s%n",
        jvmOptions().isEmpty() ? "none" : String.join(" ", jvmOptions()));
    double cold = time(lint, project, out, "migtest lint, empty parse cache", statements);
    double warm = time(lint, project, out, "migtest lint, parse cache from that run", statements);
    Optional<Path> squawk = onPath("squawk");
    if (squawk.isEmpty()) {
      out.println("squawk: not on the PATH (npm install -g squawk-cli), no ratio");
      return;
    }
    List<String> command = new ArrayList<>(List.of(squawk.get().toString()));
    try (Stream<Path> list = Files.list(dir)) {
      list.sorted().map(Path::toString).forEach(command::add);
    }
    double squawkTime = time(command, project, out, "squawk " + version(squawk.get()), statements);
    out.printf(
        Locale.ROOT,
        "ratio to squawk: %.2fx with an empty cache, %.2fx with the cache%n",
        cold / squawkTime,
        warm / squawkTime);
  }

  private double time(List<String> command, Path dir, PrintWriter out, String what, int statements)
      throws IOException {
    long started = System.nanoTime();
    CommandResult result = Commands.run(command, dir, env, LIMIT);
    double seconds = (System.nanoTime() - started) / 1e9;
    out.printf(
        Locale.ROOT,
        "%s: %.2f s wall (exit %d), %.0f statements/s%n",
        what,
        seconds,
        result.exitCode(),
        statements / seconds);
    out.flush();
    return seconds;
  }

  private String version(Path squawk) throws IOException {
    CommandResult result =
        Commands.run(List.of(squawk.toString(), "--version"), Path.of("."), env, LIMIT);
    return result.output().strip().replace("squawk ", "");
  }

  private Optional<Path> onPath(String program) {
    for (String folder : env.getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(folder.isEmpty() ? "." : folder, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The options this JVM was started with, so the timed one runs as the user chose. */
  private static List<String> jvmOptions() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }

  private static String javaProgram() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path jar() {
    try {
      return Path.of(
          LintBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("the jar's location is a file URI", e);
    }
  }
}

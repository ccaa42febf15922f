package io.migtest.app;

import io.migtest.MigtestException;
import io.migtest.config.Config;
import io.migtest.fs.ProjectBoundary;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.SourceText;
import io.migtest.migration.WorkingTreeFolder;
import io.migtest.oracle.Oracle;
import io.migtest.oracle.SqitchVerify;
import io.migtest.oracle.SqlTests;
import io.migtest.oracle.TestCommand;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The oracles of a project: the verify scripts its tool runs after a deploy, its SQL test folder
 * and its test command.
 */
final class TestSuites {
  /** The tests folder used when none is configured and it exists. */
  static final String DEFAULT_FOLDER = "db/tests";

  private static final Duration TEST_COMMAND_LIMIT = Duration.ofMinutes(30);

  private TestSuites() {}

  /** Reads the test files now (a problem with the folder is a usage error before any work). */
  static List<Oracle> load(Config config) {
    List<Oracle> oracles = new ArrayList<>();
    folder(config)
        .map(folder -> read(config.projectDir(), folder))
        .filter(tests -> !tests.isEmpty())
        .ifPresent(oracles::add);
    if (config.testCommand() != null) {
      oracles.add(
          new TestCommand(
              config.testCommand(), config.projectDir(), config.environment(), TEST_COMMAND_LIMIT));
    }
    return oracles;
  }

  /**
   * {@code oracles} after the verify scripts of {@code head} that its tool runs once the deploy is
   * done ({@code sqitch verify}), as the team's pipeline runs them before its own tests.
   */
  static List<Oracle> withVerifyScripts(List<Oracle> oracles, MigrationHistory head) {
    if (head.verifyTests().isEmpty()) {
      return oracles;
    }
    List<Oracle> all = new ArrayList<>();
    all.add(new SqitchVerify(head.verifyTests()));
    all.addAll(oracles);
    return List.copyOf(all);
  }

  private static Optional<Path> folder(Config config) {
    Path project = config.projectDir();
    if (config.tests() != null) {
      Path folder = project.resolve(config.tests()).normalize();
      if (!Files.isDirectory(folder)) {
        throw MigtestException.usage(
            "The tests folder "
                + config.tests()
                + (Files.exists(folder)
                    ? " is a file; give the folder that holds the test files."
                    : " does not exist under " + project + "."));
      }
      return Optional.of(folder);
    }
    Path folder = project.resolve(DEFAULT_FOLDER);
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    if (!ProjectBoundary.of(project).contains(folder)) {
      throw MigtestException.usage(
          DEFAULT_FOLDER
              + " in "
              + project
              + " is a symbolic link out of the project; migtest reads tests only from inside"
              + " the project unless told otherwise (--tests).");
    }
    return Optional.of(folder);
  }

  /** The {@code .sql} files of the folder and below, by path: {@code 01_...} runs first. */
  private static SqlTests read(Path project, Path folder) {
    WorkingTreeFolder source = new WorkingTreeFolder(project, folder);
    List<SqlScript> scripts = new ArrayList<>();
    for (String file : source.files()) {
      if (!file.endsWith(".sql")) {
        continue;
      }
      String shown = source.displayPath(file);
      scripts.add(
          SourceText.toScript(shown, SourceText.read(source, file), TransactionMode.AUTOCOMMIT));
    }
    return new SqlTests(scripts);
  }
}

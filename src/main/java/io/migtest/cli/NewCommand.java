package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.fs.ProjectBoundary;
import io.migtest.migration.ConfiguredLayouts.Located;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.NewMigrationFile;
import io.migtest.migration.SourceFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest new NAME}: scaffolds an empty migration (up and down) in the project's layout. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description =
        "Creates the files of a new, empty migration (up and down where the layout has them).")
public final class NewCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MigrationOptions options;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description =
          "What the migration does, e.g. \"add orders index\". In file names it is"
              + " shortened to at most "
              + NewMigrationFile.MAX_SLUG_LENGTH
              + " characters; the full name goes in a comment.")
  String name;

  @Option(names = "--dir", paramLabel = "DIR", description = "Project root (default: .).")
  Path projectDir = Path.of(".");

  @Override
  public Integer call() throws IOException {
    if (name.chars().anyMatch(Character::isISOControl)) {
      // The name is written into a comment line of the new file; a newline would end it.
      throw MigtestException.usage(
          "The migration name must be one line without control characters, e.g. \"add orders"
              + " index\".");
    }
    if (name.isBlank() || name.replaceAll("[^A-Za-z0-9]", "").isEmpty()) {
      throw MigtestException.usage(
          "The migration name needs letters or digits, e.g. \"add orders index\".");
    }
    Config config =
        ConfigResolver.resolve(
            projectDir.toAbsolutePath().normalize(), null, System.getenv(), options.settings());
    if (options.migrations != null && options.layout != null) {
      Path folder = config.projectDir().resolve(options.migrations);
      ProjectBoundary.refuseLinksOut(folder, List.of(config.projectDir()), "migrations folder");
      Files.createDirectories(folder);
    }
    Located located = ProjectLoader.locate(config);
    SourceFolder folder = located.folder();
    MigrationHistory history = MigrationHistory.load(located.layout(), folder);
    List<NewMigrationFile> files = located.layout().scaffold(name, history, Instant.now());
    Path root = config.projectDir().resolve(folder.displayPath()).normalize();
    for (NewMigrationFile file : files) {
      Path path = root.resolve(file.relativePath());
      // A link the repository holds (a plan, a verify/ folder) must not lead the write elsewhere.
      ProjectBoundary.refuseLinksOut(path, List.of(config.projectDir()), "new file");
      Files.createDirectories(path.getParent());
      String shown = folder.displayPath(file.relativePath());
      if (file.append()) {
        boolean exists = Files.exists(path);
        String before = exists ? (endsWithNewline(path) ? "" : "\n") : file.header();
        Files.writeString(
            path,
            before + file.content(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND,
            LinkOption.NOFOLLOW_LINKS);
        spec.commandLine()
            .getOut()
            .println((exists ? "updated " : "created ") + ConsoleText.safe(shown));
      } else if (Files.exists(path)) {
        throw MigtestException.usage(path + " already exists; choose another name.");
      } else {
        Files.writeString(
            path,
            file.content(),
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE_NEW,
            LinkOption.NOFOLLOW_LINKS);
        spec.commandLine().getOut().println("created " + ConsoleText.safe(shown));
      }
    }
    return 0;
  }

  private static boolean endsWithNewline(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    return text.isEmpty() || text.endsWith("\n");
  }
}

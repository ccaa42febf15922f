package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.app.SnapshotService;
import io.migtest.config.Config;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.migration.GitRepository;
import io.migtest.schema.SchemaChange;
import io.migtest.schema.SchemaDiff;
import io.migtest.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest diff A B}: what differs between two schemas, in words. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Prints how the schema of B differs from the one of A.",
      "",
      "A and B are each a file written by `migtest snapshot`, or a git ref (branch, tag, commit)"
          + " of the project: then migtest applies the migrations of that commit to a scratch"
          + " database and snapshots the result. Lists objects missing or added, and each changed"
          + " property (\"column `public.orders.note`: NOT NULL added\"). Column positions that"
          + " differ are listed apart: a column dropped and added again goes last."
    },
    footer = {
      "",
      "Example: migtest diff origin/main HEAD",
      "",
      "Exit codes: 0 the schemas are equal, 1 they differ, 2 usage error, 3 the environment"
          + " failed."
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "A snapshot file or a git ref.")
  String first;

  @Parameters(index = "1", paramLabel = "B", description = "A snapshot file or a git ref.")
  String second;

  @Option(
      names = "--project",
      paramLabel = "DIR",
      description = "Project root whose migrations a git ref names (default: .).")
  Path projectDir = Path.of(".");

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Config file, relative to the current folder (default: migtest.yml in the --project"
              + " folder).")
  Path configFile;

  @Mixin MigrationOptions options;

  @Mixin DatabaseOptions database;

  @Override
  public Integer call() {
    List<SchemaChange> changes = SchemaDiff.between(schema(first), schema(second));
    PrintWriter out = spec.commandLine().getOut();
    List<SchemaChange> structural = changes.stream().filter(c -> !c.positionOnly()).toList();
    List<SchemaChange> positions = changes.stream().filter(SchemaChange::positionOnly).toList();
    if (changes.isEmpty()) {
      out.println("The schemas are equal.");
    }
    structural.forEach(c -> out.println("  " + c.description()));
    if (!positions.isEmpty()) {
      out.println("Column positions only:");
      positions.forEach(c -> out.println("  " + c.description()));
    }
    out.flush();
    return changes.isEmpty() ? 0 : 1;
  }

  /** The snapshot in file {@code name}, or else the schema git ref {@code name} builds. */
  private SchemaSnapshot schema(String name) {
    Path file = Path.of(name);
    if (Files.isRegularFile(file)) {
      return read(file);
    }
    Map<String, String> env = System.getenv();
    Map<String, Setting> flags = options.settings();
    database.addTo(flags);
    flags.put(ConfigKeys.BASE, new Setting(name, "migtest diff " + name));
    Path dir = projectDir.toAbsolutePath().normalize();
    refuseUnknown(name, dir, env);
    Config config = ConfigResolver.resolve(dir, configFile, env, flags);
    ProgressOutput progress = ProgressOutput.forEnvironment(spec.commandLine().getErr(), env);
    progress.step(
        "diff: " + name + " is not a file here; snapshotting the schema of git ref " + name);
    return SnapshotService.takeAtBase(config, progress);
  }

  /** A name that is neither a file nor a commit of the project gets a message that says both. */
  private static void refuseUnknown(String name, Path dir, Map<String, String> env) {
    GitRepository git =
        GitRepository.find(dir, env)
            .orElseThrow(
                () ->
                    MigtestException.usage(
                        name
                            + " is not a snapshot file, and "
                            + dir
                            + " is not in a git repository, so it is no git ref either."));
    try {
      git.resolveCommit(name);
    } catch (MigtestException e) {
      throw MigtestException.usage(
          name
              + " is neither a snapshot file nor a git ref of "
              + dir
              + ". Pass a file written by `migtest snapshot`, or a branch, tag or commit.");
    }
  }

  private static SchemaSnapshot read(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (IOException e) {
      throw MigtestException.usage("Cannot read the snapshot " + file + ": " + e.getMessage());
    }
    return SchemaSnapshot.fromJson(json)
        .orElseThrow(
            () ->
                MigtestException.usage(
                    file
                        + " is not a schema snapshot written by this migtest version (another"
                        + " version's, or another file altogether); `migtest snapshot --output"
                        + " FILE` writes one."));
  }
}

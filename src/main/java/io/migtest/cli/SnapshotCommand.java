package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.app.SnapshotService;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.schema.SchemaSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migtest snapshot}: the schema the migrations build, as stable JSON. */
@Command(
    name = "snapshot",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the schema the migrations in DIR build, as sorted JSON.",
      "",
      "Applies the migrations to a scratch database, as their tool would, and reads back"
          + " schemas, tables, columns, constraints, indexes,"
          + " sequences, views, functions, triggers, types, extensions, policies and comments,"
          + " without the tool's history table or what extensions create.",
      "",
      "Compare two snapshots with `migtest diff A B`."
    },
    footer = {
      "",
      "Exit codes: 0 written, 1 a migration failed, 2 usage or configuration error, 3 the"
          + " environment failed."
    })
public final class SnapshotCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MigrationOptions options;

  @Mixin ProjectOptions project;

  @Mixin DatabaseOptions database;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the snapshot to FILE instead of standard output.")
  Path output;

  @Option(
      names = "--up-to",
      paramLabel = "VERSION",
      description = "Stop after the migration with this version (default: apply them all).")
  String version;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    Map<String, Setting> flags = options.settings();
    database.addTo(flags);
    Config config = ConfigResolver.resolve(project.dir(), project.configFile, env, flags);
    ProgressOutput progress = ProgressOutput.forEnvironment(spec.commandLine().getErr(), env);
    SchemaSnapshot snapshot = SnapshotService.take(config, version, progress);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(snapshot.toJson());
      out.flush();
      return 0;
    }
    try {
      Files.writeString(output, snapshot.toJson());
    } catch (IOException e) {
      throw MigtestException.usage("Cannot write " + output + ": " + e.getMessage());
    }
    spec.commandLine()
        .getErr()
        .println("migtest: " + snapshot.objects().size() + " objects written to " + output);
    return 0;
  }
}

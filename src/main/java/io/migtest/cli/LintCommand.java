package io.migtest.cli;

import io.migtest.config.ConfigKeys;
import io.migtest.config.Setting;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migtest lint}: the lint gate alone, without a database unless one is given. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the lint gate alone on the migrations in DIR: the hygiene of the folder and the rules"
          + " (`migtest rules`) over the new migrations (with --base, those the base branch does"
          + " not have; without it, every migration).",
      "",
      "Without a database the rules go by the files (a table the migrations do not create is"
          + " taken to exist). With --database-url or --postgres-image, the base state is built"
          + " there and the rules read its catalog: which tables exist, their size, column types,"
          + " function volatility."
    },
    footer = {
      "",
      "Exit codes: 0 pass, 1 lint failed, 2 usage or configuration error, 3 the environment"
          + " failed."
    })
public final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MigrationOptions options;

  @Mixin ProjectOptions project;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description = "Git ref of the base branch; without it every migration counts as new.")
  String base;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where the reports go (default: migtest-report).")
  String reportDir;

  @Override
  public Integer call() {
    Map<String, Setting> flags = options.settings();
    flags.put(ConfigKeys.GATES, new Setting("lint", "migtest lint"));
    CheckCommand.put(flags, ConfigKeys.BASE, base, "--base");
    CheckCommand.put(flags, ConfigKeys.REPORT_DIR, reportDir, "--report-dir");
    database.addTo(flags);
    if (database.given() != null) {
      flags.put(ConfigKeys.LINT_DATABASE, new Setting("true", database.given()));
    }
    return CheckCommand.run(spec, project, flags);
  }
}

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

/** {@code migtest baseline}: the performance gate's committed baseline. */
@Command(
    name = "baseline",
    mixinStandardHelpOptions = true,
    description = "Writes the performance gate's baseline (.migtest/baseline.json).",
    subcommands = {BaselineCommand.Update.class})
public final class BaselineCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code migtest baseline update}: measure the new migrations and write the baseline. */
  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description = {
        "Measures the new migrations in DIR as the performance gate does (the base branch's state"
            + " seeded with performance.scale rows per table, each migration run"
            + " performance.repeats times on a fresh clone) and writes their figures to the"
            + " baseline file (performance.baseline, default .migtest/baseline.json): time, WAL,"
            + " rewritten tables and the strongest lock per table.",
        "",
        "Entries of other migrations in the file are kept while their files exist; a baseline"
            + " measured at another scale is replaced. Commit the file: the performance gate then"
            + " fails a migration that gets slower than its entry by more than the threshold, or"
            + " that rewrites or locks a large table its entry does not.",
      },
      footer = {
        "",
        "Exit codes: 0 written, 1 a migration failed on the seeded data (nothing written),"
            + " 2 usage or configuration error, 3 the environment failed."
      })
  public static final class Update implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MigrationOptions options;

    @Mixin ProjectOptions project;

    @Mixin DatabaseOptions database;

    @Option(
        names = "--base",
        paramLabel = "REF",
        required = true,
        description =
            "Git ref of the base branch: its state is seeded, and the migrations it lacks are"
                + " measured.")
    String base;

    @Option(
        names = "--report-dir",
        paramLabel = "DIR",
        description = "Where the reports go (default: migtest-report).")
    String reportDir;

    @Override
    public Integer call() {
      Map<String, Setting> flags = options.settings();
      flags.put(ConfigKeys.GATES, new Setting("performance", "migtest baseline update"));
      flags.put(
          ConfigKeys.PERFORMANCE_UPDATE_BASELINE, new Setting("true", "migtest baseline update"));
      CheckCommand.put(flags, ConfigKeys.BASE, base, "--base");
      CheckCommand.put(flags, ConfigKeys.REPORT_DIR, reportDir, "--report-dir");
      database.addTo(flags);
      return CheckCommand.run(spec, project, flags);
    }
  }
}

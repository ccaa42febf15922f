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

/** {@code migtest mutate}: the mutation gate alone. */
@Command(
    name = "mutate",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the mutation gate alone on the migrations in DIR: mutants of the new migrations (with"
          + " --base, those the base branch does not have; without it, every migration) against"
          + " the tests (db/tests, pgTAP, Sqitch verify scripts, --test-command), and the score"
          + " against the threshold (mutation.threshold, default 80).",
      "",
      "`migtest mutants` lists the operators; mutation.disable in migtest.yml turns some off.",
      "",
      "Results are kept in a state file signed with a key in your user's cache folder: a repeated"
          + " or interrupted run reuses those whose migrations and tests are unchanged."
    },
    footer = {
      "",
      "Exit codes: 0 pass, 1 the score is under the threshold (or the tests fail without any"
          + " mutant), 2 usage or configuration error, 3 the environment failed."
    })
public final class MutateCommand implements Callable<Integer> {
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
      names = "--tests",
      paramLabel = "PATH",
      description = "Folder of SQL tests (default: db/tests when present).")
  String tests;

  @Option(
      names = "--test-command",
      paramLabel = "CMD",
      description = "Your tests, run with sh in DIR against each mutant's database.")
  String testCommand;

  @Option(
      names = "--threshold",
      paramLabel = "PERCENT",
      description = {"Lowest score that passes (default:", "mutation.threshold, else 80)."})
  String threshold;

  @Option(names = "--shard", paramLabel = "i/n", description = "Run slice i of n of the mutants.")
  String shard;

  @Option(
      names = "--state-file",
      paramLabel = "PATH",
      description = {
        "Where results are kept for the next run, inside DIR",
        "(default: mutation.state-file, else",
        ".migtest/state.json); off keeps none."
      })
  String stateFile;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description = "Where the reports go (default: migtest-report).")
  String reportDir;

  @Override
  public Integer call() {
    Map<String, Setting> flags = options.settings();
    flags.put(ConfigKeys.GATES, new Setting("mutation", "migtest mutate"));
    CheckCommand.put(flags, ConfigKeys.BASE, base, "--base");
    CheckCommand.put(flags, ConfigKeys.TESTS, tests, "--tests");
    CheckCommand.put(flags, ConfigKeys.TEST_COMMAND, testCommand, "--test-command");
    CheckCommand.put(flags, ConfigKeys.MUTATION_THRESHOLD, threshold, "--threshold");
    CheckCommand.put(flags, ConfigKeys.SHARD, shard, "--shard");
    CheckCommand.put(flags, ConfigKeys.MUTATION_STATE_FILE, stateFile, "--state-file");
    CheckCommand.put(flags, ConfigKeys.REPORT_DIR, reportDir, "--report-dir");
    database.addTo(flags);
    return CheckCommand.run(spec, project, flags);
  }
}

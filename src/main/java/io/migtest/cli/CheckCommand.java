package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.app.CheckService;
import io.migtest.config.Config;
import io.migtest.config.ConfigKeys;
import io.migtest.config.ConfigResolver;
import io.migtest.config.Setting;
import io.migtest.finding.Severity;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code migtest check}: runs the gates on the project's migrations and writes the reports. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the deployment gates on the migrations in DIR and writes the reports.",
      "",
      "Gates in this version:",
      "  lint         the folder's hygiene and the SQL rules",
      "  apply        the whole history applies on an empty database and the tests",
      "               pass on it; with --base, the new migrations apply on top of the",
      "               base branch",
      "  rollback     up, down and up again restore the schema",
      "  data         seeded rows survive each new migration and come back after its",
      "               down script",
      "  mutation     mutants of the new migrations must be killed by the tests",
      "               (`migtest mutants` lists the operators)",
      "  performance  with --base: the new migrations measured on seeded data against",
      "               .migtest/baseline.json"
    },
    footer = {
      "",
      "Configuration: migtest.yml in DIR, then MIGTEST_* variables and DATABASE_URL,",
      "then flags; the later wins.",
      "Reports in --report-dir: report.json, report.md, report.html, junit.xml,",
      "results.sarif and mutation-report.json.",
      "",
      "Exit codes: 0 pass, 1 a blocking gate failed, 2 usage or configuration error, 3 the"
          + " environment failed."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MigrationOptions options;

  @Mixin ProjectOptions project;

  @Mixin DatabaseOptions database;

  @Option(
      names = "--tests",
      paramLabel = "PATH",
      description =
          "Folder of SQL tests (default: db/tests when present), run after the migrations, each"
              + " file in a transaction that is rolled back.")
  String tests;

  @Option(
      names = "--gates",
      paramLabel = "LIST",
      description = "Comma-separated gates to run (default: all available).")
  String gates;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description = "Git ref of the base branch; without it every migration counts as new.")
  String base;

  @Option(
      names = "--report-dir",
      paramLabel = "DIR",
      description =
          "Where the reports go, relative to the current folder (default: migtest-report);"
              + " created if absent, never written through a symbolic link.")
  String reportDir;

  @Option(
      names = "--test-command",
      paramLabel = "CMD",
      description =
          "Your tests, run with sh in DIR against the migrated database (DATABASE_URL, PGHOST,"
              + " PGPORT, PGUSER, PGPASSWORD, PGDATABASE are set); a non-zero exit fails the apply"
              + " gate. As root it runs as an unprivileged user (see docs/security.md).")
  String testCommand;

  @Option(
      names = "--shard",
      paramLabel = "i/n",
      description =
          "Run slice i of n of the mutants (by their stable ids, so the n runners of a matrix"
              + " together run each mutant once).")
  String shard;

  @Option(
      names = "--statement-timeout",
      paramLabel = "DURATION",
      description =
          "Longest a statement may run, e.g. 5m (default: 5m; at least 100ms). Enforced by the"
              + " server and, should a migration switch it off, by migtest.")
  String statementTimeout;

  @Option(
      names = "--lock-timeout",
      paramLabel = "DURATION",
      description = "Longest a statement may wait for a lock, e.g. 30s (default: 30s).")
  String lockTimeout;

  @Option(
      names = "--setup",
      paramLabel = "FILES",
      description =
          "SQL files (comma-separated, relative to DIR) run as superuser before the first"
              + " migration, e.g. roles, schemas and extensions the migrations expect.")
  String setup;

  @Option(
      names = "--init-sql",
      paramLabel = "SQL",
      description =
          "Statements run on every connection to a scratch database before anything else, as"
              + " Flyway's initSql (e.g. SET search_path TO app).")
  String initSql;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Longest the whole run may take, e.g. 30m (default: 60m); then migtest stops the database"
              + " and every process it started and exits 3.")
  String timeout;

  @Override
  public Integer call() {
    return run(spec, project, flags());
  }

  /**
   * Runs the gates as {@code check} does with {@code flags} over the project's configuration,
   * prints the verdict and returns the exit code: for {@code check} and the commands that run a
   * selection of its gates ({@code lint}, {@code baseline update}).
   */
  static int run(CommandSpec spec, ProjectOptions project, Map<String, Setting> flags) {
    Map<String, String> env = System.getenv();
    PrintWriter out = spec.commandLine().getOut();
    // Before the configuration is read, only a --report-dir is sure: migtest.yml may name
    // another folder, or be refused for the one it names.
    Setting flag = flags.get(ConfigKeys.REPORT_DIR);
    Path reportDir = flag == null ? null : Path.of("").toAbsolutePath().resolve(flag.value());
    try {
      Config config = ConfigResolver.resolve(project.dir(), project.configFile, env, flags);
      reportDir = config.reportDir();
      ProgressOutput progress = ProgressOutput.forEnvironment(spec.commandLine().getErr(), env);
      CheckService.Outcome outcome =
          new CheckService(GateRunner.standard(), List.of()).run(config, progress);
      print(outcome, out);
      out.flush();
      return outcome.exitCode().code();
    } catch (MigtestException e) {
      // A run stopped before the report: the report folder says so, not an earlier run's PASS.
      if (reportDir != null) {
        StoppedRun.write(
            reportDir, project.dir(), StoppedRun.report(e, env), spec.commandLine().getErr());
      }
      throw e;
    }
  }

  private Map<String, Setting> flags() {
    Map<String, Setting> flags = options.settings();
    put(flags, ConfigKeys.TESTS, tests, "--tests");
    put(flags, ConfigKeys.GATES, gates, "--gates");
    put(flags, ConfigKeys.BASE, base, "--base");
    put(flags, ConfigKeys.REPORT_DIR, reportDir, "--report-dir");
    database.addTo(flags);
    put(flags, ConfigKeys.TEST_COMMAND, testCommand, "--test-command");
    put(flags, ConfigKeys.SHARD, shard, "--shard");
    put(flags, ConfigKeys.STATEMENT_TIMEOUT, statementTimeout, "--statement-timeout");
    put(flags, ConfigKeys.LOCK_TIMEOUT, lockTimeout, "--lock-timeout");
    put(flags, ConfigKeys.TIMEOUT, timeout, "--timeout");
    put(flags, ConfigKeys.SETUP, setup, "--setup");
    put(flags, ConfigKeys.INIT_SQL, initSql, "--init-sql");
    return flags;
  }

  /** Adds the flag's value under {@code key} when the flag was given. */
  static void put(Map<String, Setting> flags, String key, String value, String flag) {
    if (value != null) {
      flags.put(key, new Setting(value, flag));
    }
  }

  static void print(CheckService.Outcome outcome, PrintWriter out) {
    var report = outcome.report();
    out.println("migtest " + report.tool().version() + ": " + report.result());
    if (report.error() != null) {
      out.println("  " + ConsoleText.safe(report.error()));
    }
    for (GateResult gate : report.gates()) {
      out.printf(
          Locale.ROOT,
          "  %-12s %-4s (%s, %.1f s) %s%n",
          gate.id().id(),
          gate.status(),
          gate.mode().id(),
          gate.durationMs() / 1000.0,
          ConsoleText.safe(gate.summary()));
      long notes = gate.findings().stream().filter(f -> f.severity() == Severity.INFO).count();
      gate.findings().stream()
          .filter(f -> f.severity() != Severity.INFO)
          .forEach(f -> out.println("    " + ConsoleText.finding(f)));
      if (notes > 0) {
        out.println("    " + Plural.of(notes, "note") + " (info) in the report");
      }
    }
    out.println(
        "Reports: " + ConsoleText.safe(outcome.reportDir().resolve("report.md").toString()));
  }
}

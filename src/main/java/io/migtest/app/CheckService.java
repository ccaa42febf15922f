package io.migtest.app;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.MigtestVersion;
import io.migtest.config.Config;
import io.migtest.gate.GateContext;
import io.migtest.gate.GateId;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateRunner;
import io.migtest.gate.Progress;
import io.migtest.lint.RuleSettings;
import io.migtest.lint.rules.Rules;
import io.migtest.migration.GitRepository;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.oracle.Oracle;
import io.migtest.report.ReportFiles;
import io.migtest.report.ReportPublisher;
import io.migtest.report.RunReport;
import io.migtest.report.RunResult;
import io.migtest.sql.ParsedScripts;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** {@code migtest check}: read the migrations, run the gates, write the reports. */
public final class CheckService {
  /** JSqlParser's limit per statement: a few pathological statements must not stall the run. */
  private static final Duration PARSE_LIMIT = Duration.ofSeconds(2);

  private final GateRunner gates;
  private final List<ReportPublisher> publishers;

  /**
   * @param publishers where the report goes besides the report folder (the GitHub publisher in the
   *     action)
   */
  public CheckService(GateRunner gates, List<ReportPublisher> publishers) {
    this.gates = gates;
    this.publishers = List.copyOf(publishers);
  }

  /** The report written and where it was written. */
  public record Outcome(RunReport report, Path reportDir) {
    public ExitCode exitCode() {
      return ExitCode.of(report.exitCode());
    }
  }

  /**
   * Runs the check. Usage errors throw before anything is written; once the migrations are read, an
   * environment failure (including the run's time limit) still writes a report whose result is
   * ERROR.
   */
  public Outcome run(Config config, Progress progress) {
    RuleSettings lintRules =
        RuleSettings.of(
            config.lintRules().entrySet().stream()
                .map(
                    e ->
                        new RuleSettings.Entry(
                            e.getKey(), e.getValue().value(), e.getValue().source()))
                .toList(),
            Rules.ALL);
    try (ServerStart database = new ServerStart(DatabaseProviders.choose(config))) {
      if (config.gates().lintReadsDatabase()) {
        database.begin();
      }
      return loadAndRun(config, progress, lintRules, database);
    }
  }

  /** Reads the project, its tests and history, then runs the gates and writes the report. */
  private Outcome loadAndRun(
      Config config, Progress progress, RuleSettings lintRules, ServerStart database) {
    List<Oracle> tests = TestSuites.load(config);
    List<SqlScript> setup = SetupScripts.load(config);
    ReportFiles files = ReportFiles.prepare(config.reportDir(), config.projectDir());
    MigrationComparison migrations = ProjectLoader.load(config);
    List<Oracle> oracles = TestSuites.withVerifyScripts(tests, migrations.head());
    Optional<ParseCacheFile> cache = ParseCacheFile.of(config);
    try (ParsedScripts parsed =
        ParsedScripts.start(
            scripts(migrations),
            cache.map(ParseCacheFile::load).orElse(Map.of()),
            PARSE_LIMIT,
            parseThreads(config),
            config.gates().runs(GateId.MUTATION) || config.gates().runs(GateId.DATA))) {
      Outcome outcome =
          run(config, progress, files, migrations, parsed, setup, oracles, lintRules, database);
      cache.ifPresent(file -> file.save(parsed));
      progress.step(
          "statements parsed: "
              + parsed.parsedNow()
              + " ("
              + parsed.knownFromCache()
              + " more known from the cache)");
      return outcome;
    }
  }

  /** Every core when no database runs beside the parser (lint alone), else one less. */
  private static int parseThreads(Config config) {
    int cores = Runtime.getRuntime().availableProcessors();
    return config.gates().lintReadsDatabase() ? cores - 1 : cores;
  }

  private Outcome run(
      Config config,
      Progress progress,
      ReportFiles files,
      MigrationComparison migrations,
      ParsedScripts counts,
      List<SqlScript> setup,
      List<Oracle> oracles,
      RuleSettings lintRules,
      ServerStart database) {
    progress.step(
        "found "
            + migrations.head().migrations().size()
            + (migrations.head().migrations().size() == 1 ? " migration (" : " migrations (")
            + migrations.head().layout().name()
            + ") in "
            + (migrations.head().directory().isEmpty() ? "." : migrations.head().directory()));
    Optional<GitRepository> git = GitRepository.find(config.projectDir(), config.environment());
    git.filter(GitRepository::persistsCredentials)
        .ifPresent(
            found ->
                progress.step(
                    "warning: the git checkout keeps an access token in its config"
                        + " (actions/checkout persist-credentials), where migrations and tests"
                        + " could read it; set `persist-credentials: false` on actions/checkout"));
    String projectPath = git.map(found -> projectPath(found, config)).orElse("");
    List<GateResult> results = new CopyOnWriteArrayList<>();
    RunLimit limit = new RunLimit(config.runTimeout());
    try {
      limit.run(
          () ->
              runGates(
                  config,
                  migrations,
                  new GateContext.LintInput(counts, lintRules),
                  setup,
                  oracles,
                  progress,
                  limit,
                  database,
                  results));
    } catch (MigtestException e) {
      if (e.exitCode() != ExitCode.ENVIRONMENT) {
        throw e;
      }
      RunReport report =
          report(
              migrations,
              projectPath,
              counts,
              List.copyOf(results),
              ExitCode.ENVIRONMENT,
              e.getMessage());
      return publish(report, files);
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw MigtestException.environment("migtest was interrupted", e);
    } catch (Exception e) {
      throw new IllegalStateException("the run failed unexpectedly", e);
    }
    ExitCode exit =
        results.stream().anyMatch(GateResult::blocks) ? ExitCode.GATE_FAILED : ExitCode.OK;
    RunReport report = report(migrations, projectPath, counts, List.copyOf(results), exit, null);
    return publish(report, files);
  }

  private static String projectPath(GitRepository git, Config config) {
    try {
      return git.pathOf(config.projectDir());
    } catch (IOException e) {
      return "";
    }
  }

  /** Writes the report files, then hands the report to the other publishers. */
  private Outcome publish(RunReport report, ReportFiles files) {
    files.publish(report);
    publishers.forEach(publisher -> publisher.publish(report));
    return new Outcome(report, files.dir());
  }

  private void runGates(
      Config config,
      MigrationComparison migrations,
      GateContext.LintInput lint,
      List<SqlScript> setup,
      List<Oracle> oracles,
      Progress progress,
      RunLimit limit,
      ServerStart start,
      List<GateResult> results) {
    try (LazyDatabase database =
        new LazyDatabase(
            start,
            config.timeouts(),
            migrations.head().layout().sessionSql(config.initSql()),
            config.environment(),
            limit,
            progress)) {
      GateContext context =
          GateContext.of(config.gates(), migrations, database, setup, oracles, lint, progress);
      try (context) {
        gates.run(context, results);
      }
    }
  }

  /** Every script of the history, up and down, whose statements lint and mutation read. */
  private static List<SqlScript> scripts(MigrationComparison migrations) {
    List<SqlScript> scripts = new ArrayList<>();
    for (Migration migration : migrations.head().migrations()) {
      scripts.add(migration.up());
      if (migration.down() != null) {
        scripts.add(migration.down());
      }
    }
    return scripts;
  }

  private static RunReport report(
      MigrationComparison migrations,
      String projectPath,
      ParsedScripts counts,
      List<GateResult> results,
      ExitCode exit,
      String error) {
    List<RunReport.MigrationEntry> entries =
        migrations.head().migrations().stream()
            .map(m -> entry(m, migrations.isNew(m), counts))
            .toList();
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", MigtestVersion.get()),
        RunResult.of(exit),
        exit.code(),
        migrations.head().layout().name(),
        migrations.head().directory(),
        projectPath,
        entries,
        results,
        results.stream().flatMap(gate -> gate.tests().stream()).toList(),
        error);
  }

  private static RunReport.MigrationEntry entry(Migration m, boolean isNew, ParsedScripts parsed) {
    List<Statement> statements = m.up().split().statements();
    int unparsed = (int) statements.stream().filter(st -> !parsed.outcome(st).parsed()).count();
    return new RunReport.MigrationEntry(
        m.version().text(),
        m.description(),
        m.file(),
        m.downFile(),
        isNew,
        statements.size(),
        unparsed);
  }
}

package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.MigtestVersion;
import io.migtest.Plural;
import io.migtest.app.DatabaseProviders;
import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.DockerProvider;
import io.migtest.db.PsqlProgram;
import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.migration.ConfiguredLayouts.Located;
import io.migtest.migration.GitRepository;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.ToolConfig;
import io.migtest.sql.SqlScript;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code migtest doctor}: what migtest finds and how it would run, without running anything. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description =
        "Shows what migtest finds in DIR and how it would run: layout, migrations, psql (for"
            + " Sqitch and plain scripts, which may use its commands), tests, configuration, how"
            + " the database would start and why, Docker, git and the GitHub context.")
public final class DoctorCommand implements Callable<Integer> {
  /** The layouts whose tool runs scripts with psql, where a script may use its commands. */
  private static final Set<String> PSQL_LAYOUTS = Set.of("sqitch", "plain");

  @Spec CommandSpec spec;

  @Mixin MigrationOptions options;

  @Mixin ProjectOptions project;

  @Override
  public Integer call() {
    Map<String, String> env = System.getenv();
    Path dir = project.dir();
    if (!Files.isDirectory(dir)) {
      throw MigtestException.usage("Project folder " + dir + " does not exist or is not a folder.");
    }
    Config config = ConfigResolver.resolve(dir, project.configFile, env, options.settings());
    PrintWriter out = spec.commandLine().getOut();
    out.println("migtest " + MigtestVersion.get() + " doctor: " + ConsoleText.safe(dir.toString()));
    line(
        out,
        "config",
        Files.isRegularFile(dir.resolve(ConfigResolver.DEFAULT_FILE)) || project.configFile != null
            ? String.valueOf(
                project.configFile != null ? project.configFile : ConfigResolver.DEFAULT_FILE)
            : "none (defaults; add migtest.yml to change them)");
    MigrationHistory head = migrations(out, config);
    if (head != null) {
      psql(out, head, env);
    }
    line(out, "tests", tests(config, head));
    line(out, "database", database(config));
    line(
        out,
        "docker",
        DockerProvider.dockerAvailable()
            ? "a Docker engine answers (--postgres-image works)"
            : "no Docker engine answers (--postgres-image will not work)");
    line(out, "git", git(dir, env));
    line(out, "github", github(env));
    return 0;
  }

  /**
   * The migrations line, then the problems found in them without a database; the migrations, or
   * null when there are none.
   */
  private static MigrationHistory migrations(PrintWriter out, Config config) {
    MigrationHistory head;
    try {
      Located located = ProjectLoader.locate(config);
      head = MigrationHistory.load(located.layout(), located.folder());
    } catch (MigtestException e) {
      line(out, "migrations", "not found: " + e.getMessage());
      return null;
    }
    toolConfig(out, head.layout().toolConfig(), config);
    List<Finding> problems = new ArrayList<>(head.problems());
    head.migrations().forEach(m -> problems.addAll(m.up().problems()));
    long notes = problems.stream().filter(f -> f.severity() == Severity.INFO).count();
    line(
        out,
        "migrations",
        (head.directory().isEmpty() ? "." : head.directory())
            + " (layout "
            + head.layout().name()
            + ", "
            + Plural.of(head.migrations().size(), "migration")
            + ", "
            + Plural.of(problems.size() - notes, "problem")
            + ", "
            + Plural.of(notes, "note")
            + ")");
    problems.stream()
        .filter(f -> f.severity() != Severity.INFO)
        .forEach(f -> out.println("               " + ConsoleText.finding(f)));
    return head;
  }

  /**
   * The psql line in a layout whose tool runs psql: the program, and the scripts that use psql's
   * commands or variables.
   */
  private static void psql(PrintWriter out, MigrationHistory head, Map<String, String> env) {
    List<SqlScript> scripts =
        Stream.concat(
                head.migrations().stream().flatMap(m -> Stream.of(m.up(), m.down(), m.verify())),
                head.verifyTests().stream())
            .filter(script -> script != null && script.psqlFeature().isPresent())
            .toList();
    if (scripts.isEmpty() && !PSQL_LAYOUTS.contains(head.layout().name())) {
      return;
    }
    line(
        out,
        "psql",
        PsqlProgram.describe(env)
            + "; "
            + (scripts.isEmpty()
                ? "no script needs it (none uses psql's commands or variables)"
                : Plural.of(scripts.size(), "script")
                    + " run with it (e.g. "
                    + scripts.get(0).file()
                    + ")"));
  }

  /**
   * What migtest took from the tool's own configuration, key by key with its file and line, and
   * which of migtest's settings win over it. Values whose key says secret are masked.
   */
  private static void toolConfig(PrintWriter out, ToolConfig tool, Config config) {
    if (tool.files().isEmpty() && tool.taken().isEmpty()) {
      line(out, "tool config", "none (the tool's defaults)");
      return;
    }
    List<String> overrides = new ArrayList<>();
    if (config.migrations() != null) {
      overrides.add("migrations");
    }
    if (config.initSql() != null) {
      overrides.add("init-sql");
    }
    line(
        out,
        "tool config",
        (tool.files().isEmpty() ? "migtest.yml" : String.join(", ", tool.files()))
            + " ("
            + Plural.of(tool.taken().size(), "setting")
            + " taken"
            + (overrides.isEmpty()
                ? ""
                : "; migtest's own settings win for " + String.join(" and ", overrides))
            + ")");
    tool.taken()
        .forEach(setting -> out.println("               " + ConsoleText.safe(setting.describe())));
  }

  /** The tests folder, and the Sqitch verify scripts, which are tests too. */
  private static String tests(Config config, MigrationHistory head) {
    String tests = config.tests() != null ? config.tests() : "db/tests";
    boolean folder = Files.isDirectory(config.projectDir().resolve(tests));
    long verify =
        head == null
            ? 0
            : head.verifyTests().size()
                + head.migrations().stream().filter(m -> m.verify() != null).count();
    String verifyScripts = Plural.of(verify, "Sqitch verify script");
    if (!folder) {
      return verify == 0
          ? "none (" + tests + " does not exist)"
          : verifyScripts + " (" + tests + " does not exist)";
    }
    return verify == 0 ? tests : tests + " and " + verifyScripts;
  }

  private static String database(Config config) {
    try {
      var provider = DatabaseProviders.choose(config);
      return provider.name() + ": " + provider.plan();
    } catch (MigtestException e) {
      return "cannot start: " + e.getMessage();
    }
  }

  private static String git(Path dir, Map<String, String> env) {
    String version = GitRepository.version(env).orElse("git is not installed (needed for --base)");
    return GitRepository.find(dir, env)
        .map(
            g ->
                version
                    + "; repository "
                    + g.root()
                    + (g.isShallow() ? " (shallow clone: --base may need fetch-depth: 0)" : ""))
        .orElse(version + "; " + dir + " is not in a git repository (--base needs one)");
  }

  private static String github(Map<String, String> env) {
    if (!"true".equals(env.get("GITHUB_ACTIONS"))) {
      return "not running in GitHub Actions";
    }
    boolean token = env.containsKey("INPUT_GITHUB-TOKEN") || env.containsKey("GITHUB_TOKEN");
    return "event "
        + env.getOrDefault("GITHUB_EVENT_NAME", "?")
        + " on "
        + env.getOrDefault("GITHUB_REPOSITORY", "?")
        + ", token "
        + (token ? "present (not shown)" : "absent");
  }

  private static void line(PrintWriter out, String what, String text) {
    out.printf("  %-11s %s%n", what + ":", ConsoleText.safe(text));
  }
}

package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.PsqlClient;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sqitch: {@code sqitch.plan} names the changes in order; each has {@code deploy/<name>.sql},
 * {@code revert/<name>.sql} and {@code verify/<name>.sql}. Sqitch runs scripts through psql in the
 * top folder, so every statement commits on its own unless the script has its own {@code
 * BEGIN}/{@code COMMIT}, and psql's commands and variables work.
 */
public final class SqitchLayout implements Layout {
  static final String PLAN = "sqitch.plan";

  /**
   * The options Sqitch runs psql with after the variables (Engine/pg.pm {@code _client_opts}),
   * without the registry; it passes the connection in {@code --dbname}, which migtest passes in
   * {@code PG*}.
   */
  private static final List<String> CLIENT_OPTIONS =
      List.of("--quiet", "--no-psqlrc", "--no-align", "--tuples-only", "--set", "ON_ERROR_STOP=1");

  private final SqitchSettings settings;

  /** Sqitch with its default paths. */
  public SqitchLayout() {
    this(SqitchSettings.DEFAULTS);
  }

  SqitchLayout(SqitchSettings settings) {
    this.settings = settings;
  }

  @Override
  public ToolConfig toolConfig() {
    return settings.config();
  }

  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.NOT_VERSIONED;
  }

  /** Sqitch runs every script with its own psql. */
  @Override
  public SessionScope sessionScope() {
    return SessionScope.PER_SCRIPT;
  }

  @Override
  public String name() {
    return "sqitch";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().contains(settings.plan());
  }

  /** One line of the plan: a change (with its script name) or a tag. */
  private record Entry(String name, boolean tag, int line) {}

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    SourceText.Result plan = SourceText.read(folder, settings.plan());
    if (plan instanceof SourceText.Problem problem) {
      return new LoadedMigrations(List.of(), List.of(problem.finding()));
    }
    List<Entry> entries = parse(((SourceText.Text) plan).text());
    List<Migration> migrations = new ArrayList<>();
    // Sqitch runs where it is started: beside its sqitch.conf (the project root), or, with no
    // sqitch.conf, in the plan's folder; psql inherits that folder (`\i`, `\set x `cat f``).
    boolean inPlanFolder = !settings.config().files().contains(SqitchSettings.FILE);
    PsqlClient psql = psql("deploy", folder, inPlanFolder);
    // With deploy.verify, verify scripts run within the deploy, with its variables; else as `sqitch
    // verify` runs them, with its own.
    PsqlClient verifier = settings.verifyEachDeploy() ? psql : psql("verify", folder, inPlanFolder);
    PsqlClient reverter = psql("revert", folder, inPlanFolder);
    List<SqlScript> verifyTests = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      if (entry.tag()) {
        continue;
      }
      String scriptName = scriptName(entries, i, folder);
      String deploy = script(settings.deploy(), scriptName);
      String revert = script(settings.revert(), scriptName);
      String verify = script(settings.verify(), scriptName);
      if (!folder.files().contains(deploy)) {
        problems.add(
            Finding.error(
                RuleId.MISSING_SCRIPT,
                folder.displayPath(settings.plan()),
                entry.line(),
                "The plan names change '"
                    + entry.name()
                    + "' but "
                    + folder.displayPath(deploy)
                    + " does not exist: add it or remove the change from the plan."));
        continue;
      }
      SqlScript verifyScript =
          folder.files().contains(verify) ? script(folder, verify, verifier) : null;
      // `sqitch verify` passes over a change the plan reworks later (Engine.pm _verify_changes).
      if (verifyScript != null && !settings.verifyEachDeploy() && scriptName.equals(entry.name())) {
        verifyTests.add(verifyScript);
      }
      migrations.add(
          new Migration(
              entry.name() + "#" + occurrence(entries, i),
              Version.ordinal(migrations.size() + 1, entry.name()),
              entry.name(),
              script(folder, deploy, psql),
              folder.files().contains(revert) ? script(folder, revert, reverter) : null,
              false,
              settings.verifyEachDeploy() ? verifyScript : null));
    }
    return new LoadedMigrations(migrations, problems, Callbacks.NONE, verifyTests);
  }

  /**
   * How Sqitch's {@code command} runs psql ({@code Engine/pg.pm} {@code _psql}): the command's
   * variables as {@code --set name=value} in name order, then the client options, then {@code --set
   * registry=<registry>}, which so wins over a variable of that name.
   */
  private PsqlClient psql(String command, SourceFolder folder, boolean inPlanFolder) {
    List<String> options = new ArrayList<>();
    new TreeMap<>(settings.variables().of(command))
        .forEach((name, value) -> options.addAll(List.of("--set", name + "=" + value)));
    options.addAll(CLIENT_OPTIONS);
    options.addAll(List.of("--set", "registry=" + settings.registry()));
    return new PsqlClient("Sqitch", options, folder, inPlanFolder);
  }

  /** A script as Sqitch runs it: one psql run, statements committing on their own. */
  private static SqlScript script(SourceFolder folder, String path, PsqlClient psql) {
    return LayoutSupport.read(folder, path, TransactionMode.AUTOCOMMIT).withPsql(psql);
  }

  private static List<Entry> parse(String plan) {
    List<Entry> entries = new ArrayList<>();
    List<String> lines = plan.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("%") || line.startsWith("#")) {
        continue;
      }
      String first = line.split("\\s+", 2)[0];
      if (first.startsWith("@")) {
        entries.add(new Entry(first, true, i + 1));
      } else {
        entries.add(new Entry(first.replaceFirst("^[+-]", ""), false, i + 1));
      }
    }
    return entries;
  }

  /**
   * Which occurrence of its name a change is (1 for the first): unlike the script name, this stays
   * the same when a later branch reworks the change.
   */
  private static int occurrence(List<Entry> entries, int index) {
    String name = entries.get(index).name();
    return (int)
        entries.subList(0, index + 1).stream()
            .filter(e -> !e.tag() && e.name().equals(name))
            .count();
  }

  /** The path of a change's script in {@code dir}, relative to the folder. */
  private String script(String dir, String name) {
    return (dir.equals(".") ? "" : dir + "/") + name + "." + settings.extension();
  }

  /**
   * The script name of the change at {@code index}. A change the plan reworks later keeps its old
   * scripts as {@code name@tag.sql}: as Sqitch does (Plan.pm {@code add_rework_tags}, Change.pm
   * {@code _path_segments}), the tags between the change and its rework are tried newest first, the
   * first whose deploy script exists wins, and without one the newest tag names it.
   */
  private String scriptName(List<Entry> entries, int index, SourceFolder folder) {
    String name = entries.get(index).name();
    int rework = index + 1;
    while (rework < entries.size()
        && (entries.get(rework).tag() || !entries.get(rework).name().equals(name))) {
      rework++;
    }
    if (rework == entries.size()) {
      return name;
    }
    List<String> tags = new ArrayList<>();
    for (int i = rework - 1; i > index; i--) {
      if (entries.get(i).tag()) {
        tags.add(entries.get(i).name());
      }
    }
    for (String tag : tags) {
      if (folder.files().contains(script(settings.deploy(), name + tag))) {
        return name + tag;
      }
    }
    return tags.isEmpty() ? name : name + tags.get(0);
  }

  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    String change = LayoutSupport.slug(name);
    String planLine =
        change
            + " "
            + DateTimeFormatter.ISO_INSTANT.format(
                now.with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0))
            + " migtest <migtest@localhost> # "
            + name
            + "\n";
    return List.of(
        new NewMigrationFile(
            settings.plan(), planLine, true, "%syntax-version=1.0.0\n%project=" + change + "\n\n"),
        NewMigrationFile.create(
            script(settings.deploy(), change), "-- Deploy " + change + "\n\nBEGIN;\n\nCOMMIT;\n"),
        NewMigrationFile.create(
            script(settings.revert(), change), "-- Revert " + change + "\n\nBEGIN;\n\nCOMMIT;\n"),
        NewMigrationFile.create(
            script(settings.verify(), change),
            "-- Verify " + change + "\n\nBEGIN;\n\nROLLBACK;\n"));
  }
}

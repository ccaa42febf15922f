package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.sql.NonTransactionalStatements;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flyway: {@code V<ver>__<desc>.sql}, undo {@code U<ver>__<desc>.sql}, repeatable {@code
 * R__<desc>.sql}, in any subfolder, named and replaced as the project's Flyway configuration says
 * ({@link FlywaySettings}). Each migration runs in its own transaction unless it holds statements
 * PostgreSQL refuses in one, or its {@code .sql.conf} says {@code executeInTransaction=false}.
 */
public final class FlywayLayout implements Layout {
  private final FlywaySettings settings;

  /** Flyway with its default settings. */
  public FlywayLayout() {
    this(FlywaySettings.DEFAULTS);
  }

  FlywayLayout(FlywaySettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<HistoryTable> historyTable() {
    return Optional.of(settings.historyTable());
  }

  /**
   * Flyway refuses it unless {@code outOfOrder} is set (then it applies it) or {@code
   * ignoreMigrationPatterns} ignores it (then it never applies it).
   */
  @Override
  public OutOfOrder outOfOrder() {
    if (settings.outOfOrder()) {
      return OutOfOrder.APPLIED;
    }
    // Validate refuses it, unless told to ignore it: then migrate skips it for good.
    return settings.ignores("ignored") ? OutOfOrder.NEVER_APPLIED : OutOfOrder.REFUSED;
  }

  /** Flyway's validate fails on a migration renamed or removed after it was applied. */
  @Override
  public boolean validatesHistory() {
    return true;
  }

  /** {@code ignoreMigrationPatterns=*:missing} lets validate pass over a removed migration. */
  @Override
  public boolean ignoresRemoved() {
    return settings.ignores("missing");
  }

  @Override
  public ToolConfig toolConfig() {
    return settings.config();
  }

  @Override
  public String sessionSql(String configuredInitSql) {
    return settings.sessionSql(configuredInitSql);
  }

  /** Flyway sets the role and the search path back before each migration. */
  @Override
  public SessionScope sessionScope() {
    return SessionScope.FLYWAY;
  }

  @Override
  public String name() {
    return "flyway";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream()
        .map(LayoutSupport::fileName)
        .map(settings.names()::parse)
        .anyMatch(n -> n.filter(name -> name.kind() == FlywayNames.Kind.VERSIONED).isPresent());
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    Map<String, String> undoByVersion = new HashMap<>();
    List<String[]> versioned = new ArrayList<>();
    List<String[]> repeatable = new ArrayList<>();
    Set<String> files = Set.copyOf(folder.files());
    for (String path : folder.files()) {
      String name = LayoutSupport.fileName(path);
      Optional<FlywayNames.Name> parsed = settings.names().parse(name);
      FlywayNames.Kind kind = parsed.map(FlywayNames.Name::kind).orElse(null);
      if (kind == FlywayNames.Kind.UNDO) {
        undoByVersion.put(Version.parse(parsed.get().version()).parts().toString(), path);
      } else if (kind == FlywayNames.Kind.VERSIONED) {
        versioned.add(new String[] {path, parsed.get().version(), parsed.get().description()});
      } else if (kind == FlywayNames.Kind.REPEATABLE) {
        repeatable.add(new String[] {path, parsed.get().description()});
      } else if (settings.names().isScript(name) && !FlywayCallbackFiles.isCallback(name)) {
        problems.add(FlywayFindings.unrecognised(settings, folder, path));
      }
    }
    // Reading the scripts (files, placeholders, statements) is most of the load: in parallel.
    List<Migration> migrations =
        new ArrayList<>(
            versioned.parallelStream()
                .map(
                    file -> {
                      Version version = Version.parse(file[1]);
                      String undo = undoByVersion.get(version.parts().toString());
                      return new Migration(
                          file[1],
                          version,
                          file[2].replace('_', ' '),
                          script(folder, files, file[0], false),
                          undo == null ? null : script(folder, files, undo, false),
                          false);
                    })
                .toList());
    migrations.sort((a, b) -> a.version().compareTo(b.version()));
    repeatable.sort((a, b) -> a[1].compareTo(b[1]));
    for (String[] file : repeatable) {
      migrations.add(
          new Migration(
              "R__" + file[1],
              new Version("R", List.of(), null),
              file[1].replace('_', ' '),
              script(folder, files, file[0], true),
              null,
              true));
    }
    // Flyway replaces placeholders in callbacks too, and checksums none of them.
    Callbacks callbacks =
        FlywayCallbackFiles.read(folder, problems, path -> script(folder, files, path, true));
    return new LoadedMigrations(migrations, problems, callbacks);
  }

  /**
   * Reads a script (a migration or a callback), replaces its placeholders and decides how Flyway
   * would run it.
   */
  private SqlScript script(
      SourceFolder folder, Set<String> files, String path, boolean repeatable) {
    SqlScript script =
        settings
            .placeholders()
            .apply(
                LayoutSupport.read(folder, path, TransactionMode.SINGLE_TRANSACTION),
                LayoutSupport.fileName(path),
                repeatable);
    if (!executesInTransaction(folder, files, path)) {
      return script.withTransactionMode(TransactionMode.AUTOCOMMIT);
    }
    List<Statement> statements = script.split().statements();
    List<Statement> outside = NonTransactionalStatements.in(statements);
    if (outside.isEmpty()) {
      return script;
    }
    SqlScript autocommit = script.withTransactionMode(TransactionMode.AUTOCOMMIT);
    if (outside.size() == statements.size()) {
      return autocommit;
    }
    return autocommit.withProblem(
        FlywayFindings.mixed(settings, script.file(), outside.get(0).startLine()));
  }

  private static boolean executesInTransaction(
      SourceFolder folder, Set<String> files, String path) {
    if (!files.contains(path + ".conf")) {
      return true;
    }
    try {
      String conf = new String(folder.read(path + ".conf"), StandardCharsets.UTF_8);
      return conf.lines()
          .map(l -> l.replace(" ", ""))
          .noneMatch(l -> l.equalsIgnoreCase("executeInTransaction=false"));
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    List<Migration> existing = history.migrations();
    String version = LayoutSupport.nextVersion(existing, now);
    String slug = LayoutSupport.slug(name);
    FlywayNames names = settings.names();
    String rest = version + names.separator() + slug + names.suffixes().get(0);
    return List.of(
        NewMigrationFile.create(names.versionedPrefix() + rest, "-- " + name + "\n"),
        NewMigrationFile.create("U" + rest, "-- Undo: " + name + "\n"));
  }
}

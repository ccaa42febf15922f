package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code V<ver>__<desc>.sql}, undo {@code U<ver>__<desc>.sql}, repeatable {@code
 * R__<desc>.sql}, in any subfolder. Each migration runs in its own transaction unless it holds
 * statements PostgreSQL refuses in one, or its {@code .sql.conf} says {@code
 * executeInTransaction=false}.
 */
public final class FlywayLayout implements Layout {
  private static final Pattern VERSIONED =
      Pattern.compile("^([VU])(\\d+(?:[._]\\d+)*)__(.+)\\.sql$");
  private static final Pattern REPEATABLE = Pattern.compile("^R__(.+)\\.sql$");

  @Override
  public Optional<HistoryTable> historyTable() {
    return Optional.of(HistoryTable.FLYWAY);
  }

  /** Flyway refuses it unless {@code outOfOrder} is set. */
  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.REFUSED;
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
        .anyMatch(f -> f.startsWith("V") && VERSIONED.matcher(f).matches());
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    Map<String, String> undoByVersion = new HashMap<>();
    List<String[]> versioned = new ArrayList<>();
    List<String[]> repeatable = new ArrayList<>();
    for (String path : folder.files()) {
      String name = LayoutSupport.fileName(path);
      Matcher v = VERSIONED.matcher(name);
      Matcher r = REPEATABLE.matcher(name);
      if (v.matches() && v.group(1).equals("U")) {
        undoByVersion.put(Version.parse(v.group(2)).parts().toString(), path);
      } else if (v.matches()) {
        versioned.add(new String[] {path, v.group(2), v.group(3)});
      } else if (r.matches()) {
        repeatable.add(new String[] {path, r.group(1)});
      } else if (name.endsWith(".sql") && !FlywayCallbackFiles.isCallback(name)) {
        problems.add(LayoutSupport.unrecognised(folder, path, "V<version>__<description>.sql"));
      }
    }
    List<Migration> migrations = new ArrayList<>();
    for (String[] file : versioned) {
      Version version = Version.parse(file[1]);
      String undo = undoByVersion.get(version.parts().toString());
      migrations.add(
          new Migration(
              file[1],
              version,
              file[2].replace('_', ' '),
              script(folder, file[0]),
              undo == null ? null : script(folder, undo),
              false));
    }
    migrations.sort((a, b) -> a.version().compareTo(b.version()));
    repeatable.sort((a, b) -> a[1].compareTo(b[1]));
    for (String[] file : repeatable) {
      migrations.add(
          new Migration(
              "R__" + file[1],
              new Version("R", List.of(), null),
              file[1].replace('_', ' '),
              script(folder, file[0]),
              null,
              true));
    }
    Callbacks callbacks = FlywayCallbackFiles.read(folder, problems);
    return new LoadedMigrations(migrations, problems, callbacks);
  }

  /** Reads a script (a migration or a callback) and decides how Flyway would run it. */
  static SqlScript script(SourceFolder folder, String path) {
    SqlScript script = LayoutSupport.read(folder, path, TransactionMode.SINGLE_TRANSACTION);
    if (!executesInTransaction(folder, path)) {
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
        Finding.warning(
            RuleId.MIXED_TRANSACTION,
            script.file(),
            outside.get(0).startLine(),
            "This migration mixes statements that need a transaction with one that cannot run in"
                + " one; Flyway refuses that unless `mixed=true`, and then runs it without a"
                + " transaction, so a failure leaves it half applied. Move the non-transactional"
                + " statement into its own migration."));
  }

  private static boolean executesInTransaction(SourceFolder folder, String path) {
    if (!folder.files().contains(path + ".conf")) {
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
    return List.of(
        NewMigrationFile.create("V" + version + "__" + slug + ".sql", "-- " + name + "\n"),
        NewMigrationFile.create("U" + version + "__" + slug + ".sql", "-- Undo: " + name + "\n"));
  }
}

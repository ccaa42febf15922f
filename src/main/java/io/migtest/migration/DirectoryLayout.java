package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One folder per migration with {@code up.sql} and {@code down.sql} (diesel, sourcegraph). A
 * migration runs in a transaction unless its {@code metadata.toml} says {@code run_in_transaction =
 * false}; then it is sent as one query.
 */
public final class DirectoryLayout implements Layout {
  private static final Pattern UP_FILE = Pattern.compile("[^/]+/up\\.sql");
  private static final Pattern FOLDER = Pattern.compile("^(\\d[\\d-]*)(?:_(.*))?$");
  private static final Pattern IN_TRANSACTION =
      Pattern.compile("^\\s*run_in_transaction\\s*=\\s*true\\s*$", Pattern.MULTILINE);
  private static final DateTimeFormatter DIESEL_VERSION =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final DieselSettings settings;

  /** The layout without a {@code diesel.toml}. */
  public DirectoryLayout() {
    this(DieselSettings.DEFAULTS);
  }

  DirectoryLayout(DieselSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<HistoryTable> historyTable() {
    return Optional.of(HistoryTable.DIESEL);
  }

  @Override
  public ToolConfig toolConfig() {
    return settings.config();
  }

  /** diesel applies every migration missing from its table. */
  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.APPLIED;
  }

  @Override
  public String name() {
    return "directory";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream().anyMatch(f -> UP_FILE.matcher(f).matches());
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    List<Migration> migrations = new ArrayList<>();
    List<String> files = folder.files();
    for (String path : files) {
      if (!UP_FILE.matcher(path).matches()) {
        continue;
      }
      String dir = path.substring(0, path.indexOf('/'));
      Matcher m = FOLDER.matcher(dir);
      if (!m.matches()) {
        problems.add(LayoutSupport.unrecognised(folder, path, "<version>_<name>/up.sql"));
        continue;
      }
      TransactionMode mode =
          inTransaction(folder, dir + "/metadata.toml")
              ? TransactionMode.SINGLE_TRANSACTION
              : TransactionMode.MULTI_STATEMENT_QUERY;
      String down = dir + "/down.sql";
      migrations.add(
          new Migration(
              m.group(1),
              // diesel's version is the name before the first '_' without dashes, compared as text.
              Version.textual(m.group(1), m.group(1).replace("-", "")),
              m.group(2) == null ? dir : m.group(2).replace('_', ' '),
              refusedWhenEmpty(LayoutSupport.read(folder, path, mode)),
              files.contains(down) ? LayoutSupport.read(folder, down, mode) : null,
              false));
    }
    migrations.sort((a, b) -> a.version().compareTo(b.version()));
    return new LoadedMigrations(migrations, problems);
  }

  /**
   * diesel refuses an up.sql that is empty or only white space ("Attempted to run an empty
   * migration", {@code RunMigrationsError::EmptyMigration}); a comment is not empty to it.
   */
  private static SqlScript refusedWhenEmpty(SqlScript up) {
    if (!up.text().isBlank()
        || up.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR)) {
      return up;
    }
    return up.withProblem(
        Finding.error(
            RuleId.EMPTY_MIGRATION,
            up.file(),
            0,
            "diesel refuses an empty migration (\"Attempted to run an empty migration\"): write its"
                + " SQL, or remove the folder."));
  }

  private static boolean inTransaction(SourceFolder folder, String metadata) {
    if (!folder.files().contains(metadata)) {
      return true;
    }
    try {
      String toml = new String(folder.read(metadata), StandardCharsets.UTF_8);
      // diesel reads a metadata.toml without the key as run_in_transaction = false.
      return IN_TRANSACTION.matcher(toml).find();
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    List<Migration> existing = history.migrations();
    boolean sequence =
        !existing.isEmpty() && existing.stream().allMatch(m -> m.version().isSequenceNumber());
    String version =
        sequence
            ? LayoutSupport.nextVersion(existing, now)
            : LayoutSupport.timestampAfter(existing, now, DIESEL_VERSION);
    String dir = version + "_" + LayoutSupport.slug(name);
    return List.of(
        NewMigrationFile.create(dir + "/up.sql", "-- " + name + "\n"),
        NewMigrationFile.create(dir + "/down.sql", "-- Revert: " + name + "\n"));
  }
}

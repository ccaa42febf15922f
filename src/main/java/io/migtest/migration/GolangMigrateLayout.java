package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate: {@code <version>_<name>.up.sql} and {@code .down.sql}. Each file is sent to the
 * server as one multi-statement query, or, with {@code x-multi-statement}, cut at every {@code ;}
 * into pieces that run one by one.
 */
public final class GolangMigrateLayout implements Layout {
  private static final Pattern FILE = Pattern.compile("^(\\d+)_(.*)\\.(up|down)\\.sql$");

  private final GolangMigrateSettings settings;

  /** golang-migrate with its default URL options. */
  public GolangMigrateLayout() {
    this(GolangMigrateSettings.DEFAULTS);
  }

  GolangMigrateLayout(GolangMigrateSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<HistoryTable> historyTable() {
    return Optional.of(HistoryTable.golangMigrate(settings.migrationsTable()));
  }

  @Override
  public ToolConfig toolConfig() {
    return new ToolConfig(List.of(), settings.taken(), List.of());
  }

  /** golang-migrate moves up from the database's version only. */
  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.NEVER_APPLIED;
  }

  @Override
  public String name() {
    return "golang-migrate";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream().anyMatch(f -> !f.contains("/") && f.endsWith(".up.sql"));
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    Map<String, List<String[]>> byVersion = new LinkedHashMap<>();
    for (String path : folder.files()) {
      if (path.contains("/") || !path.endsWith(".sql")) {
        continue;
      }
      Matcher m = FILE.matcher(path);
      if (!m.matches()) {
        problems.add(
            LayoutSupport.unrecognised(folder, path, "<version>_<name>.up.sql / .down.sql"));
        continue;
      }
      if (!fitsUint64(m.group(1))) {
        problems.add(
            Finding.warning(
                RuleId.UNRECOGNISED_FILE,
                folder.displayPath(path),
                0,
                "golang-migrate skips this file without a word: its version does not fit in an"
                    + " unsigned 64-bit number. Give it a shorter version."));
        continue;
      }
      byVersion
          .computeIfAbsent(m.group(1), k -> new ArrayList<>())
          .add(new String[] {path, m.group(2), m.group(3)});
    }
    List<Migration> migrations = new ArrayList<>();
    for (var entry : byVersion.entrySet()) {
      List<String[]> ups = entry.getValue().stream().filter(f -> f[2].equals("up")).toList();
      List<String[]> downs = entry.getValue().stream().filter(f -> f[2].equals("down")).toList();
      if (ups.isEmpty()) {
        problems.add(
            Finding.error(
                RuleId.MISSING_UP,
                folder.displayPath(downs.get(0)[0]),
                0,
                "A down file without its .up.sql: add the up migration or remove this file."));
        continue;
      }
      for (String[] up : ups) {
        String down =
            downs.stream()
                .filter(d -> d[1].equals(up[1]))
                .map(d -> d[0])
                .findFirst()
                .orElse(downs.size() == 1 ? downs.get(0)[0] : null);
        migrations.add(
            new Migration(
                entry.getKey(),
                Version.parse(entry.getKey()),
                up[1].replace('_', ' '),
                script(folder, up[0]),
                down == null ? null : script(folder, down),
                false));
      }
    }
    migrations.sort((a, b) -> a.version().compareTo(b.version()));
    return new LoadedMigrations(migrations, problems);
  }

  /** golang-migrate parses versions with {@code strconv.ParseUint(v, 10, 64)} (source/parse.go). */
  private static boolean fitsUint64(String digits) {
    return new BigInteger(digits).bitLength() <= 64;
  }

  /**
   * A file as the driver sends it; in multi-statement mode a piece longer than {@code
   * x-multi-statement-max-size} fails it ({@code bufio.Scanner}: "token too long"), which migtest
   * reports before running any of it.
   */
  private SqlScript script(SourceFolder folder, String path) {
    if (!settings.multiStatement()) {
      return LayoutSupport.read(folder, path, TransactionMode.MULTI_STATEMENT_QUERY);
    }
    SqlScript script = LayoutSupport.read(folder, path, TransactionMode.SEMICOLON_PIECES);
    return script.split().statements().stream()
        .filter(
            piece ->
                piece.sql().getBytes(StandardCharsets.UTF_8).length + 1
                    > settings.multiStatementMaxSize())
        .findFirst()
        .map(
            piece ->
                script.withProblem(
                    Finding.error(
                        RuleId.MIGRATION_FAILED,
                        script.file(),
                        piece.startLine(),
                        "This piece is longer than x-multi-statement-max-size ("
                            + settings.multiStatementMaxSize()
                            + " bytes): golang-migrate stops here with \"token too long\"."
                            + " Split it, or raise the limit.")))
        .orElse(script);
  }

  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    List<Migration> existing = history.migrations();
    String prefix = LayoutSupport.nextVersion(existing, now) + "_" + LayoutSupport.slug(name);
    return List.of(
        NewMigrationFile.create(prefix + ".up.sql", "-- " + name + "\n"),
        NewMigrationFile.create(prefix + ".down.sql", "-- Revert: " + name + "\n"));
  }
}

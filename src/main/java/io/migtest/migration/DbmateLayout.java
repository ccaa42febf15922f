package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: {@code <version>[_<name>].sql} with {@code -- migrate:up} and {@code -- migrate:down}
 * sections. The version is the leading digits, kept as text; files apply in the order of their
 * names compared as text. Each section is one query, in a transaction unless its marker says {@code
 * transaction:false}.
 */
public final class DbmateLayout implements Layout {
  private static final Pattern FILE = Pattern.compile("^(\\d+)[_-]?(.*)\\.sql$");
  private static final Pattern MARKER =
      Pattern.compile("^--\\s*migrate:(up|down)\\b(.*)$", Pattern.MULTILINE);

  private final DbmateSettings settings;

  /** dbmate with its default settings. */
  public DbmateLayout() {
    this(DbmateSettings.DEFAULTS);
  }

  DbmateLayout(DbmateSettings settings) {
    this.settings = settings;
  }

  @Override
  public Optional<HistoryTable> historyTable() {
    return Optional.of(HistoryTable.dbmate(settings.table(), settings.searchPath()));
  }

  /**
   * The URL's {@code search_path} first, as lib/pq sends it when it connects, then {@code
   * configuredInitSql}.
   */
  @Override
  public String sessionSql(String configuredInitSql) {
    String init = configuredInitSql == null ? "" : configuredInitSql;
    if (settings.searchPath() == null) {
      return init;
    }
    String searchPath = settings.searchPath().sessionSql();
    return init.isEmpty() ? searchPath : searchPath + "\n;\n" + init;
  }

  @Override
  public ToolConfig toolConfig() {
    return settings.config();
  }

  /** dbmate applies every file missing from its table, unless {@code DBMATE_STRICT} is set. */
  @Override
  public OutOfOrder outOfOrder() {
    return settings.strict() ? OutOfOrder.REFUSED : OutOfOrder.APPLIED;
  }

  @Override
  public String name() {
    return "dbmate";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream()
        .filter(f -> !f.contains("/") && FILE.matcher(f).matches())
        .limit(5)
        .anyMatch(
            f -> {
              SourceText.Result text = SourceText.read(folder, f);
              return text instanceof SourceText.Text t && MARKER.matcher(t.text()).find();
            });
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    List<Migration> migrations = new ArrayList<>();
    for (String path : folder.files()) {
      if (path.contains("/") || !path.endsWith(".sql")) {
        continue;
      }
      Matcher m = FILE.matcher(path);
      if (!m.matches()) {
        problems.add(LayoutSupport.unrecognised(folder, path, "<version>_<name>.sql"));
        continue;
      }
      String file = folder.displayPath(path);
      SourceText.Result result = SourceText.read(folder, path);
      SqlScript up;
      SqlScript down = null;
      if (result instanceof SourceText.Text text) {
        SqlScript[] sections = sections(file, text.text());
        up = sections[0];
        down = sections[1];
      } else {
        up = SqlScript.unreadable(file, ((SourceText.Problem) result).finding());
      }
      migrations.add(
          new Migration(
              m.group(1),
              // dbmate keeps the version as the text of the digits: 001 and 1 are two versions.
              Version.textual(m.group(1), m.group(1)),
              m.group(2).replace('_', ' '),
              up,
              down,
              false));
    }
    // dbmate applies files sorted by their whole name as text (pkg/dbmate/db.go).
    migrations.sort((a, b) -> a.file().compareTo(b.file()));
    return new LoadedMigrations(migrations, problems);
  }

  /** The up and down sections of a file; a missing up marker is a problem of the up script. */
  static SqlScript[] sections(String file, String text) {
    Matcher marker = MARKER.matcher(text);
    List<int[]> found = new ArrayList<>();
    List<String> kinds = new ArrayList<>();
    List<Boolean> transactional = new ArrayList<>();
    while (marker.find()) {
      found.add(new int[] {marker.start(), marker.end()});
      kinds.add(marker.group(1));
      transactional.add(!marker.group(2).replace(" ", "").contains("transaction:false"));
    }
    SqlScript[] result = new SqlScript[2];
    for (int i = 0; i < found.size(); i++) {
      int bodyStart = Math.min(found.get(i)[1] + 1, text.length());
      int bodyEnd = i + 1 < found.size() ? found.get(i + 1)[0] : text.length();
      int firstLine = lineOf(text, bodyStart);
      TransactionMode mode =
          transactional.get(i)
              ? TransactionMode.SINGLE_TRANSACTION
              : TransactionMode.MULTI_STATEMENT_QUERY;
      int slot = kinds.get(i).equals("up") ? 0 : 1;
      if (result[slot] == null) {
        result[slot] =
            new SqlScript(
                file,
                text.substring(bodyStart, Math.max(bodyStart, bodyEnd)),
                firstLine,
                mode,
                List.of());
      }
    }
    if (result[0] == null) {
      result[0] =
          SqlScript.unreadable(
              file,
              Finding.error(
                  RuleId.MISSING_UP,
                  file,
                  1,
                  "No `-- migrate:up` line: dbmate needs one before the up SQL."));
      return result;
    }
    String refused = refused(text, found, kinds);
    if (refused != null) {
      result[0] =
          SqlScript.unreadable(
              file,
              Finding.error(
                  RuleId.MIGRATION_FILE_REFUSED, file, lineOf(text, found.get(0)[0]), refused));
      result[1] = null;
    }
    return result;
  }

  /**
   * Why dbmate ({@code pkg/dbmate/migration.go}) refuses a file whose up marker is there, or null:
   * no down marker, the down before the up, statements before the up, or more than one up and down
   * pair (dbmate runs each; migtest would run only the first).
   */
  private static String refused(String text, List<int[]> markers, List<String> kinds) {
    int ups = (int) kinds.stream().filter("up"::equals).count();
    if (!kinds.contains("down")) {
      return "No `-- migrate:down` line: dbmate refuses a migration without a down block"
          + " (ErrParseMissingDown). Add `-- migrate:down` after the up SQL, with the SQL that"
          + " undoes it, or nothing.";
    }
    if (kinds.get(0).equals("down")) {
      return "`-- migrate:down` comes before `-- migrate:up`: dbmate refuses the file"
          + " (ErrParseWrongOrder). Put the up block first.";
    }
    boolean statementsBefore =
        text.substring(0, markers.get(0)[0])
            .lines()
            .anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--"));
    if (statementsBefore) {
      return "SQL before `-- migrate:up`: dbmate refuses statements outside its blocks"
          + " (ErrParseUnexpectedStmt). Move them into the up block.";
    }
    if (ups > 1 || kinds.size() > 2) {
      return "More than one `-- migrate:up` / `-- migrate:down` pair: dbmate runs each pair in"
          + " turn, which migtest does not, so it would test only part of the file. Split it into"
          + " one migration per pair.";
    }
    return null;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    List<Migration> existing = history.migrations();
    String file =
        LayoutSupport.nextVersion(existing, now) + "_" + LayoutSupport.slug(name) + ".sql";
    return List.of(
        NewMigrationFile.create(file, "-- migrate:up\n-- " + name + "\n\n-- migrate:down\n\n"));
  }
}

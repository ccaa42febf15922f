package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: files that start with {@code --liquibase formatted sql}, split into
 * {@code --changeset author:id} blocks, each with optional {@code --rollback} lines. Every
 * changeset runs in its own transaction unless it says {@code runInTransaction:false}.
 */
public final class LiquibaseSqlLayout implements Layout {
  /** A changelog in Liquibase's other formats, which may include the SQL files in its own order. */
  private static final Pattern CHANGELOG =
      Pattern.compile("(?i)(?:.*/)?[^/]*changelog[^/]*\\.(?:ya?ml|xml|json)");

  private static final Pattern HEADER =
      Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANGESET =
      Pattern.compile("^--\\s*changeset\\s+([^:\\s]+):(\\S+)(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLLBACK_BLOCK =
      Pattern.compile("^\\s*/\\*\\s*liquibase\\s+rollback\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern ROLLBACK =
      Pattern.compile("^--\\s*rollback\\s?(.*)$", Pattern.CASE_INSENSITIVE);

  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.NOT_VERSIONED;
  }

  @Override
  public String name() {
    return "liquibase-sql";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream()
        .filter(f -> f.endsWith(".sql"))
        .limit(20)
        .anyMatch(
            f ->
                SourceText.read(folder, f) instanceof SourceText.Text t
                    && HEADER.matcher(t.text()).find());
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<Finding> problems = new ArrayList<>();
    List<Migration> migrations = new ArrayList<>();
    for (String path : folder.files()) {
      if (CHANGELOG.matcher(path).matches()) {
        problems.add(
            Finding.warning(
                RuleId.UNRECOGNISED_FILE,
                folder.displayPath(path),
                0,
                "A Liquibase changelog in another format, which migtest does not read: it runs the"
                    + " formatted SQL files in name order, not in the order this file's includes"
                    + " give. Name the SQL files so that both orders agree."));
        continue;
      }
      if (!path.endsWith(".sql")) {
        continue;
      }
      SourceText.Result result = SourceText.read(folder, path);
      if (result instanceof SourceText.Problem problem) {
        problems.add(problem.finding());
      } else if (!HEADER.matcher(((SourceText.Text) result).text()).find()) {
        problems.add(
            Finding.warning(
                RuleId.UNRECOGNISED_FILE,
                folder.displayPath(path),
                1,
                "No `--liquibase formatted sql` line starts the file, so it is not a formatted SQL"
                    + " changelog and is not run. Add the header, or move the file away."));
      } else {
        changesets(folder.displayPath(path), ((SourceText.Text) result).text(), migrations);
      }
    }
    problems.addAll(duplicates(migrations));
    return new LoadedMigrations(migrations, problems);
  }

  /**
   * Changesets with the same author and id in the same file: Liquibase identifies a changeset by
   * author, id and file, and refuses a changelog with duplicate identifiers before running any.
   */
  private static List<Finding> duplicates(List<Migration> changesets) {
    Map<String, Migration> seen = new HashMap<>();
    List<Finding> found = new ArrayList<>();
    for (Migration changeset : changesets) {
      Migration first =
          seen.putIfAbsent(changeset.file() + "\n" + changeset.version().text(), changeset);
      if (first != null) {
        found.add(
            Finding.error(
                RuleId.DUPLICATE_VERSION,
                changeset.file(),
                changeset.up().firstLine() - 1,
                "Changeset "
                    + changeset.version().text()
                    + " is defined twice in this file (also at line "
                    + (first.up().firstLine() - 1)
                    + "): Liquibase refuses duplicate changeset identifiers and runs none of the"
                    + " changelog. Give each changeset an id of its own."));
      }
    }
    return found;
  }

  private static void changesets(String file, String text, List<Migration> into) {
    List<String> lines = text.lines().toList();
    int i = 0;
    while (i < lines.size()) {
      Matcher changeset = CHANGESET.matcher(lines.get(i).strip());
      if (!changeset.matches()) {
        i++;
        continue;
      }
      int headerLine = i + 1;
      StringBuilder body = new StringBuilder();
      StringBuilder rollback = new StringBuilder();
      int rollbackLine = 0;
      i++;
      while (i < lines.size() && !CHANGESET.matcher(lines.get(i).strip()).matches()) {
        Matcher r = ROLLBACK.matcher(lines.get(i).strip());
        if (r.matches()) {
          rollbackLine = rollbackLine == 0 ? i + 1 : rollbackLine;
          rollback.append(r.group(1)).append('\n');
        } else if (ROLLBACK_BLOCK.matcher(lines.get(i)).matches()) {
          rollbackLine = rollbackLine == 0 ? i + 2 : rollbackLine;
          body.append(lines.get(i)).append('\n');
          i++;
          while (i < lines.size() && !lines.get(i).strip().endsWith("*/")) {
            rollback.append(lines.get(i)).append('\n');
            body.append(lines.get(i)).append('\n');
            i++;
          }
          if (i == lines.size()) {
            break;
          }
          String last = lines.get(i).strip();
          rollback.append(last, 0, last.length() - 2).append('\n');
        }
        body.append(lines.get(i)).append('\n');
        i++;
      }
      String attributes = changeset.group(3).replace(" ", "").toLowerCase(Locale.ROOT);
      TransactionMode mode =
          attributes.contains("runintransaction:false")
              ? TransactionMode.AUTOCOMMIT
              : TransactionMode.SINGLE_TRANSACTION;
      String id = changeset.group(1) + ":" + changeset.group(2);
      SqlScript up = new SqlScript(file, body.toString(), headerLine + 1, mode, List.of());
      String rollbackSql = rollback.toString().strip();
      boolean noRollback =
          rollbackSql.isEmpty()
              || rollbackSql.equalsIgnoreCase("not required")
              || rollbackSql.equalsIgnoreCase("empty");
      SqlScript down =
          noRollback ? null : new SqlScript(file, rollbackSql, rollbackLine, mode, List.of());
      into.add(
          new Migration(
              id, Version.ordinal(into.size() + 1, id), changeset.group(2), up, down, false));
    }
  }

  /** Appends a changeset to the last changelog file, so that it runs last. */
  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    String slug = LayoutSupport.slug(name);
    String changeset =
        "\n--changeset migtest:"
            + now.getEpochSecond()
            + "-"
            + slug
            + "\n-- "
            + name
            + "\n\n--rollback \n";
    if (history.migrations().isEmpty()) {
      return List.of(
          new NewMigrationFile("changelog.sql", changeset, true, "--liquibase formatted sql\n"));
    }
    String last = history.migrations().get(history.migrations().size() - 1).file();
    String folder = history.directory();
    String relative = folder.equals(".") ? last : last.substring(folder.length() + 1);
    return List.of(new NewMigrationFile(relative, changeset, true, ""));
  }
}

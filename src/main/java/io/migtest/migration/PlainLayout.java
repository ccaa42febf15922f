package io.migtest.migration;

import io.migtest.sql.PsqlClient;
import io.migtest.sql.TransactionMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain ordered {@code *.sql} files, applied one after another as {@code psql -X -v ON_ERROR_STOP=1
 * -f <file>} from the project root would.
 */
public final class PlainLayout implements Layout {
  private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

  @Override
  public OutOfOrder outOfOrder() {
    return OutOfOrder.NOT_VERSIONED;
  }

  /** Plain histories are run file by file with {@code psql -f}. */
  @Override
  public SessionScope sessionScope() {
    return SessionScope.PER_SCRIPT;
  }

  @Override
  public String name() {
    return "plain";
  }

  @Override
  public boolean recognises(SourceFolder folder) {
    return folder.files().stream().anyMatch(f -> !f.contains("/") && f.endsWith(".sql"));
  }

  @Override
  public LoadedMigrations load(SourceFolder folder) {
    List<String> files =
        folder.files().stream()
            .filter(f -> !f.contains("/") && f.endsWith(".sql"))
            .sorted(NATURAL_ORDER)
            .toList();
    List<Migration> migrations = new ArrayList<>();
    PsqlClient psql = PsqlClient.plain(folder);
    for (String path : files) {
      String name = path.substring(0, path.length() - ".sql".length());
      migrations.add(
          new Migration(
              path,
              Version.ordinal(migrations.size() + 1, name),
              name,
              LayoutSupport.read(folder, path, TransactionMode.AUTOCOMMIT).withPsql(psql),
              null,
              false));
    }
    return new LoadedMigrations(migrations, List.of());
  }

  /** Orders {@code 2_b.sql} before {@code 10_a.sql}: digit runs compare as numbers. */
  static final Comparator<String> NATURAL_ORDER =
      (a, b) -> {
        Matcher ma = CHUNK.matcher(a);
        Matcher mb = CHUNK.matcher(b);
        while (ma.find() && mb.find()) {
          String x = ma.group();
          String y = mb.group();
          int c =
              Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                  ? new java.math.BigInteger(x).compareTo(new java.math.BigInteger(y))
                  : x.compareTo(y);
          if (c != 0) {
            return c;
          }
        }
        return a.compareTo(b);
      };

  /** Numbers the new file after the highest leading number, with the same width. */
  @Override
  public List<NewMigrationFile> scaffold(String name, MigrationHistory history, Instant now) {
    List<Migration> existing = history.migrations();
    boolean numbered =
        existing.isEmpty() || existing.stream().allMatch(m -> m.description().matches("\\d+.*"));
    String prefix = "";
    if (numbered) {
      int width =
          existing.isEmpty() ? 3 : existing.get(0).description().replaceAll("\\D.*", "").length();
      java.math.BigInteger highest =
          existing.stream()
              .map(m -> new java.math.BigInteger(m.description().replaceAll("\\D.*", "")))
              .max(java.math.BigInteger::compareTo)
              .orElse(java.math.BigInteger.ZERO);
      prefix = String.format("%0" + width + "d_", highest.add(java.math.BigInteger.ONE));
    }
    return List.of(
        NewMigrationFile.create(prefix + LayoutSupport.slug(name) + ".sql", "-- " + name + "\n"));
  }
}

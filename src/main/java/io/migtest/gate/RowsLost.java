package io.migtest.gate;

import io.migtest.Plural;
import io.migtest.data.RowRemovals;
import io.migtest.data.TableFingerprint;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.migration.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rows that a migration's up script lost: tables (followed by oid, so a rename is no loss) that
 * hold fewer rows after it, or are gone, while the script does not visibly remove rows from them
 * nor from a table they reference (a cascade).
 */
final class RowsLost {
  private RowsLost() {}

  static List<Finding> check(
      Migration migration,
      Map<Long, TableFingerprint> before,
      Map<Long, TableFingerprint> after,
      Map<Long, Set<Long>> parents,
      RowRemovals removals) {
    List<Finding> findings = new ArrayList<>();
    for (TableFingerprint then : before.values()) {
      TableFingerprint now = after.get(then.oid());
      long lost = now == null ? then.rows() : then.rows() - now.rows();
      if (lost <= 0 || explained(then, before, parents, removals)) {
        continue;
      }
      String what =
          now == null
              ? "Table "
                  + then.table()
                  + " is gone after the migration, with its "
                  + Plural.of(lost, "row")
              : "Table "
                  + then.table()
                  + " lost "
                  + lost
                  + " of its "
                  + Plural.of(then.rows(), "row");
      String statements =
          " (no DELETE, TRUNCATE, MERGE or DROP of it, nor of a table it references)";
      if (removals.opaque().isEmpty()) {
        findings.add(
            Finding.error(
                RuleId.ROWS_LOST,
                migration.file(),
                0,
                what
                    + ", and the migration does not visibly remove them"
                    + statements
                    + ". Find what removed them; if that is meant, remove them with a DELETE the"
                    + " migration shows."));
      } else {
        findings.add(
            new Finding(
                RuleId.ROWS_LOST,
                Severity.WARNING,
                migration.file(),
                removals.opaque().get(0),
                removals.opaque().get(0),
                what
                    + ", and the migration does not visibly remove them"
                    + statements
                    + "; migtest cannot see what the statements on "
                    + lines(removals.opaque())
                    + " do (not parsed, or calling code). Check that they remove those rows on"
                    + " purpose.",
                null));
      }
    }
    return findings;
  }

  private static boolean explained(
      TableFingerprint table,
      Map<Long, TableFingerprint> before,
      Map<Long, Set<Long>> parents,
      RowRemovals removals) {
    if (removals.removesFrom(table)) {
      return true;
    }
    return parents.getOrDefault(table.oid(), Set.of()).stream()
        .map(before::get)
        .anyMatch(parent -> parent != null && removals.removesFrom(parent));
  }

  private static String lines(List<Integer> lines) {
    return (lines.size() == 1 ? "line " : "lines ")
        + lines.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
        + (lines.size() > 10 ? " and " + (lines.size() - 10) + " more" : "");
  }
}

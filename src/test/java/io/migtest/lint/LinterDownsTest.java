package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.lint.rules.Rules;
import io.migtest.migration.DbmateLayout;
import io.migtest.migration.FlywayLayout;
import io.migtest.migration.GolangMigrateLayout;
import io.migtest.migration.Layout;
import io.migtest.migration.Migration;
import io.migtest.migration.MigrationComparison;
import io.migtest.migration.MigrationHistory;
import io.migtest.migration.Version;
import io.migtest.sql.ParsedScripts;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whether the layout pairs an up script with a down reaches the missing-down rule. */
class LinterDownsTest {
  private static List<String> missingDowns(Layout layout, String downText) {
    SqlScript up =
        SqlScript.of("1_a.up.sql", "ALTER TABLE t ADD COLUMN a int;", TransactionMode.AUTOCOMMIT);
    SqlScript down =
        downText == null
            ? null
            : SqlScript.of("1_a.down.sql", downText, TransactionMode.AUTOCOMMIT);
    Migration migration = new Migration("1", Version.parse("1"), "a", up, down, false);
    MigrationHistory head = new MigrationHistory(layout, "db", List.of(migration), List.of());
    List<SqlScript> scripts = new ArrayList<>(List.of(up));
    if (down != null) {
      scripts.add(down);
    }
    try (ParsedScripts parsed =
        ParsedScripts.start(scripts, Map.of(), Duration.ofSeconds(5), 1, false)) {
      List<Finding> findings =
          new Linter(Rules.ALL, RuleSettings.DEFAULTS)
              .lint(MigrationComparison.withoutBase(head), parsed, BaseCatalog.NONE);
      return findings.stream()
          .filter(f -> f.rule().equals("missing-down"))
          .map(f -> f.file() + ":" + f.line())
          .toList();
    }
  }

  @Test
  void layoutsThatPairDownsReportAMissingOrEmptyOne() {
    assertThat(missingDowns(new GolangMigrateLayout(), null)).containsExactly("1_a.up.sql:1");
    assertThat(missingDowns(new DbmateLayout(), "-- nothing to undo\n"))
        .containsExactly("1_a.up.sql:1");
    assertThat(missingDowns(new GolangMigrateLayout(), "ALTER TABLE t DROP COLUMN a;")).isEmpty();
  }

  @Test
  void layoutsWithoutDownsDoNot() {
    assertThat(missingDowns(new FlywayLayout(), null)).isEmpty();
  }
}

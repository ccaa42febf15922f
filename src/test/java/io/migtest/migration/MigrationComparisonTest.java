package io.migtest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pull request changed, compared with the base branch, as each layout's tool sees it. */
class MigrationComparisonTest {
  private static Migration migration(String version) {
    return new Migration(
        version,
        Version.parse(version),
        "m" + version,
        SqlScript.of("V" + version + ".sql", "SELECT " + version + ";", TransactionMode.AUTOCOMMIT),
        null,
        false);
  }

  private static List<String> rules(Layout layout) {
    MigrationHistory base =
        new MigrationHistory(layout, "db", List.of(migration("1"), migration("3")), List.of());
    MigrationHistory head =
        new MigrationHistory(
            layout, "db", List.of(migration("1"), migration("2"), migration("3")), List.of());
    return MigrationComparison.compare(head, base, "main").findings().stream()
        .map(Finding::rule)
        .toList();
  }

  @Test
  void aNewOlderVersionIsOutOfOrderOnlyWhereTheToolOrdersByVersion() {
    assertThat(rules(new FlywayLayout())).containsExactly("out-of-order");
    assertThat(rules(new PlainLayout())).isEmpty();
    assertThat(rules(new SqitchLayout())).isEmpty();
    assertThat(rules(new LiquibaseSqlLayout())).isEmpty();
  }
}

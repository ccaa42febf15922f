package io.migtest.migration;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static List<String> findings(Layout layout, List<String> base, List<String> head) {
    return MigrationComparison.compare(history(layout, head), history(layout, base), "main")
        .findings()
        .stream()
        .map(f -> f.severity().id() + " " + f.rule())
        .toList();
  }

  private static MigrationHistory history(Layout layout, List<String> versions) {
    return new MigrationHistory(
        layout,
        "db",
        versions.stream().map(MigrationComparisonTest::migration).toList(),
        List.of());
  }

  @Test
  void aNewOlderVersionIsAsSevereAsWhatTheToolDoesWithIt() {
    List<String> base = List.of("1", "3");
    List<String> head = List.of("1", "2", "3");
    assertThat(findings(new FlywayLayout(), base, head)).containsExactly("error out-of-order");
    assertThat(findings(new GolangMigrateLayout(), base, head))
        .containsExactly("error out-of-order");
    assertThat(findings(new DbmateLayout(), base, head)).containsExactly("info out-of-order");
    assertThat(findings(new DirectoryLayout(), base, head)).containsExactly("info out-of-order");
    assertThat(findings(new PlainLayout(), base, head)).isEmpty();
    assertThat(findings(new SqitchLayout(), base, head)).isEmpty();
    assertThat(findings(new LiquibaseSqlLayout(), base, head)).isEmpty();
  }

  @Test
  void aMigrationTheBaseHasAndThePullRequestDeletedIsAFinding() {
    List<String> base = List.of("1", "2", "3");
    List<String> head = List.of("1", "3");
    assertThat(findings(new FlywayLayout(), base, head)).containsExactly("error removed-migration");
    assertThat(findings(new DbmateLayout(), base, head))
        .containsExactly("warning removed-migration");
  }

  @Test
  void aGapIsAFindingOnlyWhereANewMigrationBreaksAConsecutiveNumbering() {
    assertThat(findings(new FlywayLayout(), List.of("1", "2", "3"), List.of("1", "2", "3", "5")))
        .containsExactly("warning version-gap");
    assertThat(findings(new FlywayLayout(), List.of("1", "3"), List.of("1", "3", "5")))
        .as("the base jumps on purpose")
        .isEmpty();
    assertThat(findings(new FlywayLayout(), List.of("1", "2"), List.of("1", "2", "3"))).isEmpty();
  }
}

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

  @Test
  void aFlywayMigrationRenamedAfterItReachedTheBaseIsAnEditedMigration() {
    Migration renamed =
        new Migration(
            "2",
            Version.parse("2"),
            "renamed",
            SqlScript.of("V2__renamed.sql", "SELECT 2;", TransactionMode.AUTOCOMMIT),
            null,
            false);
    MigrationHistory base = history(new FlywayLayout(), List.of("1", "2"));
    MigrationHistory head =
        new MigrationHistory(new FlywayLayout(), "db", List.of(migration("1"), renamed), List.of());
    assertThat(MigrationComparison.compare(head, base, "main").findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("edited-migration");
              assertThat(f.message()).contains("renamed").contains("V2.sql");
            });
    MigrationHistory dbmateBase = history(new DbmateLayout(), List.of("1", "2"));
    MigrationHistory dbmateHead =
        new MigrationHistory(new DbmateLayout(), "db", List.of(migration("1"), renamed), List.of());
    assertThat(MigrationComparison.compare(dbmateHead, dbmateBase, "main").findings()).isEmpty();
  }
}

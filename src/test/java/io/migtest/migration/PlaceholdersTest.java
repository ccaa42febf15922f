package io.migtest.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flyway's placeholder replacement, as {@code PlaceholderReplacingReader} does it. */
class PlaceholdersTest {
  private final Placeholders placeholders =
      new Placeholders(
          true, "${", "}", "flyway:", Map.of("Schema", "app", "flyway:defaultSchema", "app"));

  private static SqlScript script(String text) {
    return SqlScript.of("db/V1__a.sql", text, TransactionMode.SINGLE_TRANSACTION);
  }

  @Test
  void namesMatchIgnoringCaseAndTheFileNameIsBuiltIn() {
    SqlScript replaced =
        placeholders.apply(
            script("CREATE TABLE ${SCHEMA}.t (f text DEFAULT '${flyway:filename}');"),
            "V1__a.sql",
            false);
    assertThat(replaced.text()).isEqualTo("CREATE TABLE app.t (f text DEFAULT 'V1__a.sql');");
    assertThat(replaced.problems()).isEmpty();
  }

  @Test
  void aVersionedMigrationKeepsTheChecksumOfItsFileARepeatableOneTakesTheReplacedText() {
    SqlScript original = script("SELECT '${schema}';");
    assertThat(placeholders.apply(original, "V1__a.sql", false).checksum())
        .isEqualTo(original.checksum());
    assertThat(placeholders.apply(original, "R__a.sql", true).checksum())
        .isEqualTo(script("SELECT 'app';").checksum());
  }

  @Test
  void aPlaceholderWithoutAValueFailsAtItsLineAsInFlyway() {
    SqlScript failed =
        placeholders.apply(
            script("SELECT 1;\n-- ${missing}\nSELECT '${flyway:nope}';"), "V1__a.sql", false);
    assertThat(failed.problems())
        .extracting(Finding::rule, Finding::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("unknown-placeholder", "db/V1__a.sql:2"));
    assertThat(failed.problems().get(0).message())
        .contains("No value provided for placeholder: ${missing}.  Check your configuration!");
    assertThat(
            placeholders
                .apply(script("SELECT '${flyway:nope}';"), "V1__a.sql", false)
                .problems()
                .get(0)
                .message())
        .contains("Failed to populate value for default placeholder: ${flyway:nope}");
  }

  @Test
  void replacementOffLeavesTheText() {
    Placeholders off = new Placeholders(false, "${", "}", "flyway:", Map.of());
    SqlScript original = script("SELECT '${anything}';");
    assertThat(off.apply(original, "V1__a.sql", false)).isSameAs(original);
  }
}

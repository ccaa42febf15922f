package io.migtest.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.lint.rules.DropColumn;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code -- migtest:ignore <rule> <reason>}: on a statement, for a file, and its own findings. */
class SuppressionsTest {
  private final DropColumn rule = new DropColumn();

  private List<String> lint(String sql) {
    return RuleTester.lint(rule, sql).stream().map(f -> f.rule() + "@" + f.line()).toList();
  }

  @Test
  void anIgnoreBeforeOrInsideAStatementSilencesThatStatementOnly() {
    assertThat(
            lint(
                "ALTER TABLE a DROP COLUMN x;\n"
                    + "-- migtest:ignore drop-column the app stopped using y in 4.2\n"
                    + "ALTER TABLE a DROP COLUMN y;\n"
                    + "ALTER TABLE a -- migtest:ignore drop-column unused since 4.2\n"
                    + "  DROP COLUMN z;\n"
                    + "ALTER TABLE a DROP COLUMN w;"))
        .containsExactly("drop-column@1", "drop-column@6");
  }

  @Test
  void anIgnoreInTheHeaderSeparatedByAnEmptyLineCoversTheFile() {
    assertThat(
            lint(
                "-- migtest:ignore drop-column,create-index-not-concurrent contract phase of #411\n"
                    + "\n"
                    + "ALTER TABLE a DROP COLUMN x;\n"
                    + "ALTER TABLE a DROP COLUMN y;"))
        .isEmpty();
  }

  @Test
  void aMissingReasonAnUnknownRuleAndAnIgnoreThatSilencesNothingAreFindings() {
    List<Finding> findings =
        RuleTester.lint(
            rule,
            "-- migtest:ignore drop-column\n"
                + "ALTER TABLE a DROP COLUMN x;\n"
                + "-- migtest:ignore drop-colum typo in the id\n"
                + "ALTER TABLE a DROP COLUMN y;\n"
                + "-- migtest:ignore drop-column nothing is dropped here\n"
                + "ALTER TABLE a ADD COLUMN z int;");
    assertThat(findings)
        .extracting(f -> f.rule() + "@" + f.line())
        .containsExactlyInAnyOrder(
            "drop-column@4", "ignore-without-reason@1", "unknown-rule@3", "unused-ignore@5");
  }
}

package io.migtest.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TAP as pgTAP's functions return it, one row per line. */
class TapOutputTest {
  private static List<TapOutput.Line> lines(String... text) {
    return java.util.Arrays.stream(text).map(t -> new TapOutput.Line(t, 3)).toList();
  }

  @Test
  void aPassingRunHasNoFailures() {
    assertThat(TapOutput.failures("t.sql", lines("1..2", "ok 1 - has users", "ok 2 - pk")))
        .isEmpty();
  }

  @Test
  void aFailedTestKeepsItsDiagnosticsAndATodoMayFail() {
    List<TestFailure> failures =
        TapOutput.failures(
            "t.sql",
            lines(
                "1..3",
                "ok 1 - has users",
                "not ok 2 - email is not null\n# Failed test 2: \"email is not null\"\n#   Column users.email should be NOT NULL",
                "not ok 3 - later # TODO not done"));
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).line()).isEqualTo(3);
    assertThat(failures.get(0).message())
        .contains("not ok 2")
        .contains("email is not null")
        .contains("should be NOT NULL");
  }

  @Test
  void aMissingPlanOrFewerTestsThanPlannedFail() {
    assertThat(TapOutput.failures("t.sql", lines("ok 1 - x")).get(0).message())
        .contains("no TAP plan");
    assertThat(TapOutput.failures("t.sql", lines("1..3", "ok 1 - x")).get(0).message())
        .contains("planned 3 tests but ran 1");
  }
}

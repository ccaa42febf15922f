package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text from a pull request printed to the log must not become a workflow command. */
class ConsoleTextTest {

  @Test
  void neutralisesWorkflowCommandsAndTerminalEscapes() {
    assertThat(ConsoleText.safe("  ::set-output name=x::1"))
        .doesNotStartWith("  ::")
        .contains(": :set-output");
    // Joined into one line, the forged command no longer starts a line.
    assertThat(ConsoleText.safe("ok\n::error::forged")).isEqualTo("ok ::error::forged");
    assertThat(ConsoleText.safe("a ##[group]b")).doesNotContain("##[");
    assertThat(ConsoleText.safe("red \u001b[31m text")).doesNotContain("\u001b");
    // C1 CSI is a one-character escape; separators and direction marks reorder or split lines.
    assertThat(ConsoleText.safe("a\u009b31mb\u2028::error::x\u202eevil"))
        .isEqualTo("a 31mb ::error::x evil");
  }

  @Test
  void hidesSecrets() {
    assertThat(ConsoleText.safe("connecting to postgres://app:s3cret@db/app\n--db-password x1"))
        .isEqualTo("connecting to postgres://app:***@db/app --db-password ***");
  }
}

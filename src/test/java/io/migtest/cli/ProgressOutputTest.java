package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.gate.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Progress in CI logs: plain lines, each safe to print. */
class ProgressOutputTest {
  @Test
  void longWorkEndsWithALineOfCountsAndTime() {
    StringWriter text = new StringWriter();
    ProgressOutput progress =
        ProgressOutput.forEnvironment(new PrintWriter(text, true), Map.of("CI", "true"));
    progress.step("apply: starting\n::error::forged");
    try (Progress.Task task = progress.task("apply (history)", 3)) {
      task.advance("V1.sql");
      task.advance("V2.sql");
      task.advance("V3.sql");
    }
    assertThat(text.toString().lines())
        .containsExactly(
            "migtest: apply: starting ::error::forged", text.toString().lines().toList().get(1))
        .last()
        .asString()
        .matches("migtest: apply \\(history\\): 3/3 in \\d+\\.\\d s");
  }
}

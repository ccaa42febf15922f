package io.migtest.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private static final java.util.Map<String, String> ENV =
      ChildEnvironment.minimal(System.getenv());

  @Test
  void aCommandOverItsLimitIsStoppedWithItsChildren() {
    assertThatThrownBy(
            () ->
                Commands.run(
                    List.of("/bin/sh", "-c", "sleep 30 & sleep 30"),
                    null,
                    ENV,
                    Duration.ofMillis(500)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("did not finish within");
  }

  @Test
  void aBackgroundChildHoldingTheOutputDoesNotHangTheCaller() throws IOException {
    long started = System.nanoTime();
    CommandResult result =
        Commands.run(
            List.of("/bin/sh", "-c", "echo done; sleep 30 &"), null, ENV, Duration.ofMinutes(10));
    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("done");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }
}

package io.migtest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RunLimitTest {
  /**
   * A project larger than the heap once ended the run's thread with a bare OutOfMemoryError, and
   * the run went on as if the work had ended.
   */
  @Test
  void runningOutOfMemoryIsAnEnvironmentFailureThatSaysWhatToDo() {
    RunLimit limit = new RunLimit(Duration.ofMinutes(1));
    assertThatThrownBy(
            () ->
                limit.run(
                    () -> {
                      throw new OutOfMemoryError("Java heap space");
                    }))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("ran out of memory")
        .hasMessageContaining("-Xmx");
  }
}

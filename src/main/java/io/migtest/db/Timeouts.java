package io.migtest.db;

import java.time.Duration;

/** Session limits for running migrations: a statement or lock wait over them fails. */
public record Timeouts(Duration statementTimeout, Duration lockTimeout) {
  public static final Timeouts DEFAULT =
      new Timeouts(Duration.ofMinutes(5), Duration.ofSeconds(30));
}

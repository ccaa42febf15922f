package io.migtest.gate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The six deployment gates, in the order they run. */
public enum GateId {
  LINT,
  APPLY,
  ROLLBACK,
  DATA,
  MUTATION,
  PERFORMANCE;

  /** The lower-case id used in flags, config and reports. */
  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<GateId> parse(String id) {
    return Arrays.stream(values())
        .filter(g -> g.id().equals(id.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}

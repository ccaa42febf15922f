package io.migtest.gate;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a gate's failure does: fail the run, only show up in the report, or skip the gate. */
public enum GateMode {
  BLOCK,
  WARN,
  OFF;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<GateMode> parse(String text) {
    return Arrays.stream(values())
        .filter(m -> m.id().equals(text.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }
}

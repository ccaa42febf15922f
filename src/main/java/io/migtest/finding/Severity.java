package io.migtest.finding;

import com.fasterxml.jackson.annotation.JsonValue;

/** How bad a finding is; an error fails its gate, a warning makes it WARN. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  INFO("info");

  private final String id;

  Severity(String id) {
    this.id = id;
  }

  @JsonValue
  public String id() {
    return id;
  }
}

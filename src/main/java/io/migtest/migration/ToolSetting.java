package io.migtest.migration;

import io.migtest.SecretRedactor;

/**
 * One value migtest took from a migration tool's own configuration, and where it was written.
 *
 * @param key the tool's name for it, e.g. {@code flyway.locations} or {@code DBMATE_MIGRATIONS_DIR}
 * @param source e.g. {@code flyway.conf line 3}, or {@code migtest.yml line 7} for an override
 */
public record ToolSetting(String key, String value, String source) {

  /** {@code key=value (source)}; a value whose key says it is secret is never shown. */
  public String describe() {
    return SecretRedactor.PATTERNS_ONLY.redact(key + "=" + value) + " (" + source + ")";
  }

  @Override
  public String toString() {
    return "ToolSetting[" + describe() + "]";
  }
}

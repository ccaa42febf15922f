package io.migtest.config;

import io.migtest.SecretRedactor;

/**
 * One configured value and where it came from, so an error can name the key and its place.
 *
 * @param source e.g. {@code migtest.yml line 4}, {@code MIGTEST_LAYOUT} or {@code --layout}
 */
public record Setting(String value, String source) {

  /** Never shows a secret the value may hold, such as a database URL's password. */
  @Override
  public String toString() {
    return "Setting[" + SecretRedactor.PATTERNS_ONLY.redact(value) + " from " + source + "]";
  }

  /** True for a value from a config file, whose source names its line. */
  public boolean fromFile() {
    return source.contains(" line ");
  }
}

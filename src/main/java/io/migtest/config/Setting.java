package io.migtest.config;

import io.migtest.db.DatabaseUrl;

/**
 * One configured value and where it came from, so an error can name the key and its place.
 *
 * @param source e.g. {@code migtest.yml line 4}, {@code MIGTEST_LAYOUT} or {@code --layout}
 */
public record Setting(String value, String source) {

  /** Never shows a password that a database URL may hold. */
  @Override
  public String toString() {
    return "Setting[" + DatabaseUrl.redact(value) + " from " + source + "]";
  }

  /** True for a value from a config file, whose source names its line. */
  public boolean fromFile() {
    return source.contains(" line ");
  }
}

package io.migtest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, as Maven wrote it into {@code version.properties}. */
public final class MigtestVersion {
  private static final String VERSION = load();

  private MigtestVersion() {}

  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = MigtestVersion.class.getResourceAsStream("version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

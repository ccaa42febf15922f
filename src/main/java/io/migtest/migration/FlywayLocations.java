package io.migtest.migration;

import io.migtest.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flyway's {@code locations} as folders of the project ({@code LocationParser}): {@code
 * filesystem:<path>} relative to where Flyway runs (the project), {@code classpath:<path>} (also
 * the form without a prefix) in {@code src/main/resources}, as a Maven or Gradle project builds its
 * classpath. Locations migtest cannot read (cloud storage, wildcards, folders outside the project)
 * are findings.
 */
final class FlywayLocations {
  private static final String CLASSPATH = "src/main/resources/";

  private FlywayLocations() {}

  /** The existing folders {@code setting} names, in its order. */
  static List<String> folders(ToolSetting setting, ProjectFiles files, List<Finding> problems) {
    List<String> folders = new ArrayList<>();
    for (String location : setting.value().split(",")) {
      String trimmed = location.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String path = path(trimmed);
      String folder = path == null ? null : ProjectPaths.inside(path);
      String why =
          path == null
              ? "is not on the file system or the classpath"
              : path.contains("*") || path.contains("?")
                  ? "has wildcards, which migtest does not expand"
                  : folder == null
                      ? "is outside the project"
                      : !files.isFolder(folder)
                          ? "is not a folder of the project (" + folder + ")"
                          : null;
      if (why == null) {
        folders.add(folder);
      } else {
        problems.add(
            ToolConfigFile.warning(
                setting.source(),
                "The location "
                    + trimmed
                    + " "
                    + why
                    + ": migtest does not read migrations from it. Pass --migrations to name"
                    + " the folder."));
      }
    }
    return folders;
  }

  /** The project path of a location, or null for one on neither file system nor classpath. */
  private static String path(String location) {
    int colon = location.indexOf(':');
    String prefix = colon < 0 ? "classpath" : location.substring(0, colon).toLowerCase(Locale.ROOT);
    String path = colon < 0 ? location : location.substring(colon + 1);
    return switch (prefix) {
      case "filesystem" -> path;
      case "classpath" -> CLASSPATH + path.replaceFirst("^/+", "");
      default -> null;
    };
  }
}

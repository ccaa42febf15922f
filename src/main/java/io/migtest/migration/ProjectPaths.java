package io.migtest.migration;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths that a tool's configuration names, relative to the project. */
final class ProjectPaths {
  private ProjectPaths() {}

  /**
   * {@code path} normalised, with {@code /} separators ({@code .} for the project itself), or null
   * when it is absolute or leads out of the project. Links are checked when the folder is read.
   */
  static String inside(String path) {
    Path normal;
    try {
      normal = Path.of(path.isEmpty() ? "." : path).normalize();
    } catch (InvalidPathException e) {
      return null;
    }
    String text = normal.toString().replace('\\', '/');
    if (normal.isAbsolute() || text.equals("..") || text.startsWith("../")) {
      return null;
    }
    return text.isEmpty() ? "." : text;
  }
}

package io.migtest.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a file or a folder tree for a test to run on, leaving the original untouched. */
final class TreeCopy {
  private TreeCopy() {}

  /** Copies {@code from} to {@code to}, without the {@code .migtest} folders of earlier runs. */
  static void copy(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      Files.copy(from, to);
      return;
    }
    try (var walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path relative = from.relativize(p);
        if (relative.toString().startsWith(".migtest")) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}

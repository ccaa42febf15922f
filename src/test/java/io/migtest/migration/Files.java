package io.migtest.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes fixture files into a temp folder: {@code write(dir, "a/b.sql", "SELECT 1;")}. */
final class Files {
  private Files() {}

  static Path write(Path dir, String relative, String content) {
    try {
      Path file = dir.resolve(relative);
      java.nio.file.Files.createDirectories(file.getParent());
      java.nio.file.Files.writeString(file, content, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MigrationHistory load(Path project, String folder) {
    SourceFolder source = new WorkingTreeFolder(project, project.resolve(folder));
    return MigrationHistory.load(Layouts.detect(source), source);
  }
}

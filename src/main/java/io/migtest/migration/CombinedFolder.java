package io.migtest.migration;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several folders read as one, as Flyway reads all its {@code locations}: each file is named by its
 * path from the project root. New migrations go to the first folder.
 */
final class CombinedFolder implements SourceFolder {
  private final List<SourceFolder> folders;

  CombinedFolder(List<SourceFolder> folders) {
    this.folders = List.copyOf(folders);
  }

  @Override
  public List<String> files() {
    List<String> files = new ArrayList<>();
    for (SourceFolder folder : folders) {
      folder.files().forEach(file -> files.add(folder.displayPath(file)));
    }
    return files.stream().sorted().toList();
  }

  @Override
  public byte[] read(String relativePath) throws IOException {
    for (SourceFolder folder : folders) {
      String prefix = folder.displayPath().isEmpty() ? "" : folder.displayPath() + "/";
      if (relativePath.startsWith(prefix)
          && folder.files().contains(relativePath.substring(prefix.length()))) {
        return folder.read(relativePath.substring(prefix.length()));
      }
    }
    throw new IOException(relativePath + " is in none of the folders");
  }

  /** The first folder, where new migrations go. */
  @Override
  public String displayPath() {
    return folders.get(0).displayPath();
  }

  /** Files are named from the project root already. */
  @Override
  public String displayPath(String relativePath) {
    return relativePath;
  }
}

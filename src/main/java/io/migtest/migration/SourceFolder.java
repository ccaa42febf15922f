package io.migtest.migration;

import java.io.IOException;
import java.util.List;

/** A folder of migration files, read from the working tree or from a git commit. */
public interface SourceFolder {

  /** Files below the folder as relative paths with {@code /} separators, sorted. */
  List<String> files();

  /** The bytes of one file named by its relative path. */
  byte[] read(String relativePath) throws IOException;

  /** The folder's path relative to the project root, with {@code /} separators. */
  String displayPath();

  /** The project-relative path of a file in this folder, as reports show it. */
  default String displayPath(String relativePath) {
    String folder = displayPath();
    return folder.isEmpty() || folder.equals(".") ? relativePath : folder + "/" + relativePath;
  }
}

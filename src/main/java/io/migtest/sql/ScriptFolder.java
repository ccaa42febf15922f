package io.migtest.sql;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A folder of script files, read from the working tree or from a git commit: psql runs a script
 * with a copy of it, so {@code \i}, {@code \ir} and {@code \copy} find the files next to it.
 */
public interface ScriptFolder {

  /** Files below the folder as relative paths with {@code /} separators, sorted. */
  List<String> files();

  /** The bytes of one file named by its relative path. */
  byte[] read(String relativePath) throws IOException;

  /** The folder's path relative to the project root, with {@code /} separators. */
  String displayPath();

  /** The folder on disk when it is one (the working tree); empty for a folder read from git. */
  default Optional<Path> path() {
    return Optional.empty();
  }

  /** The project-relative path of a file in this folder, as reports show it. */
  default String displayPath(String relativePath) {
    String folder = displayPath();
    return folder.isEmpty() || folder.equals(".") ? relativePath : folder + "/" + relativePath;
  }
}

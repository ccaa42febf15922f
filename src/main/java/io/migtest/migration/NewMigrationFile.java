package io.migtest.migration;

/**
 * A file that {@code migtest new} writes, relative to the migrations folder.
 *
 * @param append add {@code content} to the end of the file instead of creating it
 * @param header written first when an appended-to file does not exist yet
 */
public record NewMigrationFile(String relativePath, String content, boolean append, String header) {

  /** A new file with {@code content}. */
  public static NewMigrationFile create(String relativePath, String content) {
    return new NewMigrationFile(relativePath, content, false, "");
  }
}

package io.migtest.migration;

/**
 * A file that {@code migtest new} writes, relative to the migrations folder.
 *
 * @param append add {@code content} to the end of the file instead of creating it
 * @param header written first when an appended-to file does not exist yet
 */
public record NewMigrationFile(String relativePath, String content, boolean append, String header) {
  /**
   * The longest slug of the name that file names get; the full name goes in a comment. Long enough
   * for a sentence, short enough that a version prefix and suffix stay far below the 255-byte limit
   * on a file name.
   */
  public static final int MAX_SLUG_LENGTH = 64;

  /** A new file with {@code content}. */
  public static NewMigrationFile create(String relativePath, String content) {
    return new NewMigrationFile(relativePath, content, false, "");
  }
}

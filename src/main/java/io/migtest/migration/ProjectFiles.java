package io.migtest.migration;

import java.io.IOException;
import java.util.Optional;

/**
 * The files of one revision of the project, read by path: the working tree, or the base branch's
 * commit, so a tool's configuration is read from the same revision as its migrations.
 */
public interface ProjectFiles {
  /** Configuration files larger than this are refused; real ones are a few hundred bytes. */
  int MAX_CONFIG_BYTES = 1 << 20;

  /**
   * The bytes of the configuration file at {@code path} (relative to the project, {@code /}
   * separators), or empty when there is none.
   *
   * @throws IOException when it exists but must not be read: a link out of the project, not a
   *     regular file, or over {@link #MAX_CONFIG_BYTES}; the message says which
   */
  Optional<byte[]> readConfig(String path) throws IOException;

  /** True when {@code path} is a folder of this revision. */
  boolean isFolder(String path);

  /** The folder at {@code path}, to read migrations from. */
  SourceFolder folder(String path);

  /** The message for a file over {@link #MAX_CONFIG_BYTES}. */
  static IOException tooLarge(long size) {
    return new IOException(
        "it has " + size + " bytes; migtest reads configuration files up to 1 MiB");
  }
}

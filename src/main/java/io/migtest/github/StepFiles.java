package io.migtest.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * The files the runner gives a step: the job summary ({@code GITHUB_STEP_SUMMARY}) and the outputs
 * ({@code GITHUB_OUTPUT}). Both are appended to, never replaced, since earlier steps of the job
 * wrote there too; a value of several lines is written between delimiters it cannot contain.
 */
final class StepFiles {
  private static final SecureRandom RANDOM = new SecureRandom();

  private StepFiles() {}

  /** Appends {@code markdown} to the job summary. */
  static void appendSummary(Path summary, String markdown) throws IOException {
    append(summary, markdown.endsWith("\n") ? markdown : markdown + "\n");
  }

  /** Appends each output as {@code name<<DELIMITER}, the value, {@code DELIMITER}. */
  static void appendOutputs(Path outputs, Map<String, String> values) throws IOException {
    StringBuilder text = new StringBuilder();
    for (var entry : values.entrySet()) {
      String value = entry.getValue();
      String delimiter;
      do {
        delimiter = "migtest_" + HexFormat.of().formatHex(randomBytes());
      } while (value.contains(delimiter));
      text.append(entry.getKey())
          .append("<<")
          .append(delimiter)
          .append('\n')
          .append(value)
          .append('\n')
          .append(delimiter)
          .append('\n');
    }
    append(outputs, text.toString());
  }

  /** The runner creates these files; one that is missing or not a regular file is not ours. */
  private static void append(Path file, String text) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is not a regular file");
    }
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[12];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}

package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Reads one of a tool's configuration files as text. The repository controls these files, so one
 * that cannot be read (a link out of the project, too large, binary) is a finding, never a crash
 * and never silently skipped.
 */
final class ToolConfigFile {
  private ToolConfigFile() {}

  /** The text of {@code path}, or empty when it does not exist or was refused (then a finding). */
  static Optional<String> read(ProjectFiles files, String path, List<Finding> problems) {
    Optional<byte[]> bytes;
    try {
      bytes = files.readConfig(path);
    } catch (IOException | RuntimeException e) {
      problems.add(
          Finding.error(
              RuleId.TOOL_CONFIG,
              path,
              0,
              "migtest did not read "
                  + path
                  + ": "
                  + e.getMessage()
                  + ". The migration tool would read it; make it a regular file inside the"
                  + " project, or remove it."));
      return Optional.empty();
    }
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    SourceText.Result text = SourceText.decode(path, bytes.get());
    if (text instanceof SourceText.Problem problem) {
      problems.add(problem.finding());
      return Optional.empty();
    }
    return Optional.of(((SourceText.Text) text).text());
  }

  /** An error about the value at {@code source} ({@code flyway.conf line 3}). */
  static Finding invalid(String source, String message) {
    return at(source, Severity.ERROR, message);
  }

  /** A warning about the value at {@code source}. */
  static Finding warning(String source, String message) {
    return at(source, Severity.WARNING, message);
  }

  /** A note about the value at {@code source}: something migtest does differently. */
  static Finding note(String source, String message) {
    return at(source, Severity.INFO, message);
  }

  private static Finding at(String source, Severity severity, String message) {
    int at = source.lastIndexOf(" line ");
    String file = at < 0 ? source : source.substring(0, at);
    int line = at < 0 ? 0 : Integer.parseInt(source.substring(at + " line ".length()));
    return new Finding(RuleId.TOOL_CONFIG, severity, file, line, message, null);
  }
}

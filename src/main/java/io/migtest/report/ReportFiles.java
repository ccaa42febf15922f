package io.migtest.report;

import io.migtest.MigtestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the report formats into the report folder. */
public final class ReportFiles {
  private ReportFiles() {}

  /** Writes {@code report.json}, {@code report.md} and {@code report.html}; returns the folder. */
  public static Path write(RunReport report, Path dir) {
    try {
      Files.createDirectories(dir);
      String markdown = MarkdownReport.render(report);
      Files.writeString(
          dir.resolve("report.json"), JsonReport.render(report), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("report.md"), markdown, StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("report.html"), HtmlReport.render(markdown), StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw MigtestException.environment(
          "Cannot write the report into "
              + dir
              + ": "
              + e.getMessage()
              + ". Pass a writable --report-dir.",
          e);
    }
  }
}

package io.migtest.report;

import io.migtest.MigtestException;
import io.migtest.fs.ReportFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the report formats into the report folder. */
public final class ReportFiles {
  /** The files a run writes into its report folder. */
  public static final List<String> NAMES = List.of("report.json", "report.md", "report.html");

  private ReportFiles() {}

  /** Checks the report folder before the run (see {@link ReportFolder#prepare}). */
  public static ReportFolder prepare(Path dir) {
    return ReportFolder.prepare(dir, NAMES);
  }

  /** Writes {@code report.json}, {@code report.md} and {@code report.html}; returns the folder. */
  public static Path write(RunReport report, ReportFolder folder) {
    try {
      String markdown = MarkdownReport.render(report);
      folder.write("report.json", JsonReport.render(report));
      folder.write("report.md", markdown);
      folder.write("report.html", HtmlReport.render(markdown));
      return folder.dir();
    } catch (IOException e) {
      throw MigtestException.environment(
          "Cannot write the report into "
              + folder.dir()
              + ": "
              + e.getMessage()
              + ". Pass a writable --report-dir.",
          e);
    }
  }
}

package io.migtest.report;

/** One report format: a file name in the report folder and the text rendered from the model. */
public interface ReportRenderer {
  /** The file this format is written to, e.g. {@code report.json}. */
  String fileName();

  /** The report in this format. */
  String render(RunReport report);
}

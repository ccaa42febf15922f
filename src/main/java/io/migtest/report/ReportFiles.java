package io.migtest.report;

import io.migtest.MigtestException;
import io.migtest.fs.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Publishes a run's report as files in the report folder, one per format. */
public final class ReportFiles implements ReportPublisher {
  /** The formats written, in order. */
  public static final List<ReportRenderer> RENDERERS =
      List.of(
          new JsonReport(),
          new MarkdownReport(),
          new HtmlReport(),
          new JunitReport(),
          new SarifReport(),
          new StrykerReport());

  private final OutputFolder folder;

  private ReportFiles(OutputFolder folder) {
    this.folder = folder;
  }

  /**
   * Checks the report folder before the run (see {@link OutputFolder#prepare}).
   *
   * @param projectDir no link below it (or below the current folder) may lead the folder out
   */
  public static ReportFiles prepare(Path dir, Path projectDir) {
    return new ReportFiles(
        OutputFolder.prepare(
            dir,
            List.of(projectDir, Path.of("").toAbsolutePath()),
            RENDERERS.stream().map(ReportRenderer::fileName).toList(),
            new OutputFolder.Role("report folder", "pass another --report-dir")));
  }

  public Path dir() {
    return folder.dir();
  }

  @Override
  public void publish(RunReport report) {
    // Rendered side by side (a large run's files take a good part of a lint run), written in order.
    List<String> texts = RENDERERS.parallelStream().map(r -> r.render(report)).toList();
    try {
      for (int i = 0; i < RENDERERS.size(); i++) {
        folder.write(RENDERERS.get(i).fileName(), texts.get(i));
      }
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

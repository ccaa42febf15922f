package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.MigtestVersion;
import io.migtest.SecretRedactor;
import io.migtest.report.ReportFiles;
import io.migtest.report.RunReport;
import io.migtest.report.RunResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report of a run that stopped before its gates could report (a configuration error, a base ref
 * that does not exist): the result ERROR and why, written over the report folder's files so that a
 * job never uploads the verdict of an earlier run, or files the pull request committed.
 */
final class StoppedRun {
  private StoppedRun() {}

  /** The report of the run {@code e} stopped, with secrets of {@code env} redacted. */
  static RunReport report(MigtestException e, Map<String, String> env) {
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", MigtestVersion.get()),
        RunResult.ERROR,
        e.exitCode().code(),
        null,
        null,
        "",
        List.of(),
        List.of(),
        List.of(),
        new SecretRedactor(env).redact(e.getMessage()));
  }

  /** Writes {@code report}'s files into {@code dir}, or says on {@code err} why it could not. */
  static void write(Path dir, Path projectDir, RunReport report, PrintWriter err) {
    try {
      ReportFiles.prepare(dir, projectDir).publish(report);
    } catch (MigtestException | UncheckedIOException e) {
      err.println("migtest: no report files written: " + ConsoleText.safe(e.getMessage()));
    }
  }
}

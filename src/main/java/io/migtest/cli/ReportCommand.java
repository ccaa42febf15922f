package io.migtest.cli;

import io.migtest.MigtestException;
import io.migtest.app.CheckService;
import io.migtest.report.ReportFiles;
import io.migtest.report.RunReport;
import io.migtest.report.ShardReports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code migtest report merge}: shard reports joined into one. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Works on report folders.",
    subcommands = {ReportCommand.Merge.class})
public final class ReportCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a subcommand: migtest report merge.");
  }

  /** {@code migtest report merge --report-dir OUT DIR...}. */
  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description = {
        "Joins the reports of the shards of one mutation run (check or mutate with --shard i/n"
            + " on n runners) into one: every report.json below the folders given, their mutants"
            + " united by id, the score, gate and exit code judged again (the score equals an"
            + " unsharded run's). Writes every report file into --report-dir and exits like check."
      },
      footer = {
        "",
        "Exit codes: 0 passed, 1 a blocking gate failed, 2 usage error (no report found, a file"
            + " that is not a report), 3 a shard's run could not finish."
      })
  static final class Merge implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--report-dir",
        paramLabel = "DIR",
        description = "Where the merged reports go (default: migtest-report).")
    String reportDir = "migtest-report";

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Folders of shard reports.")
    List<Path> folders;

    @Override
    public Integer call() throws IOException {
      Path target = Path.of(reportDir).toAbsolutePath().normalize();
      for (Path folder : folders) {
        if (target.startsWith(folder.toAbsolutePath().normalize())) {
          throw MigtestException.usage(
              "The merged reports would go into "
                  + folder
                  + ", which holds shard reports: they would replace one, or be read as one by the"
                  + " next merge. Pass a --report-dir outside the folders of shard reports.");
        }
      }
      Map<Path, RunReport> shards = new LinkedHashMap<>();
      for (Path file : ShardReports.find(folders)) {
        shards.put(file, ShardReports.read(file));
      }
      RunReport merged = ShardReports.merge(shards);
      ReportFiles files = ReportFiles.prepare(Path.of(reportDir), Path.of("").toAbsolutePath());
      files.publish(merged);
      PrintWriter out = spec.commandLine().getOut();
      CheckCommand.print(new CheckService.Outcome(merged, files.dir()), out);
      out.flush();
      return merged.exitCode();
    }
  }
}

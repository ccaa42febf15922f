package io.migtest.cli;

import io.migtest.MigtestVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code migtest}: the top-level command; its subcommands do the work. */
@Command(
    name = "migtest",
    mixinStandardHelpOptions = true,
    versionProvider = MigtestCommand.Version.class,
    description = {
      "Tests SQL database migrations on a throwaway PostgreSQL before they reach production.",
      ""
    },
    subcommands = {
      CheckCommand.class,
      LintCommand.class,
      BaselineCommand.class,
      SnapshotCommand.class,
      DiffCommand.class,
      RulesCommand.class,
      MutateCommand.class,
      MutantsCommand.class,
      ReportCommand.class,
      ActionCommand.class,
      DoctorCommand.class,
      NewCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 all blocking gates passed, 1 a blocking gate failed,",
      "            2 usage or configuration error, 3 the environment failed."
    })
public final class MigtestCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a command there is nothing to do: show the usage and fail, as a usage error. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a command, e.g. migtest check.");
  }

  /** The picocli command line with migtest's error handling. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new MigtestCommand());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::usageError);
    return cli;
  }

  /** Prints {@code migtest <version>}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migtest " + MigtestVersion.get()};
    }
  }
}

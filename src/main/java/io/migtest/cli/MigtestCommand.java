package io.migtest.cli;

import io.migtest.MigtestVersion;
import java.util.List;
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
    footer = {
      "",
      "Exit codes: 0 all blocking gates passed, 1 a blocking gate failed,",
      "            2 usage or configuration error, 3 the environment failed."
    })
public final class MigtestCommand implements Runnable {
  /** The subcommands, in the order the usage lists them. */
  private static final List<Class<?>> SUBCOMMANDS =
      List.of(
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
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a command there is nothing to do: show the usage and fail, as a usage error. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
    throw new CommandLine.ParameterException(
        spec.commandLine(), "Name a command, e.g. migtest check.");
  }

  /**
   * The picocli command line for {@code args}, with migtest's error handling. When the first
   * argument names a subcommand, only that one is built: picocli reads every command's annotations
   * when it builds one, a good part of a quick command's time. Otherwise (help, usage, a mistyped
   * name that picocli suggests a fix for) all of them are.
   */
  static CommandLine commandLine(String... args) {
    CommandLine cli = new CommandLine(new MigtestCommand());
    List<Class<?>> named =
        SUBCOMMANDS.stream()
            .filter(c -> args.length > 0 && name(c).equals(args[0]) && !name(c).equals("help"))
            .toList();
    (named.isEmpty() ? SUBCOMMANDS : named).forEach(cli::addSubcommand);
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setParameterExceptionHandler(ErrorHandler::usageError);
    return cli;
  }

  private static String name(Class<?> subcommand) {
    return subcommand.getAnnotation(Command.class).name();
  }

  /** Prints {@code migtest <version>}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"migtest " + MigtestVersion.get()};
    }
  }
}

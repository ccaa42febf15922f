package io.migtest.cli;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Turns exceptions into one clear message and the documented exit code; the stack trace only with
 * {@code --debug}. Messages and traces go through {@link ConsoleText#safe}, which hides secrets:
 * picocli's messages echo the arguments, passwords included.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(
      Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
    boolean debug = debug(parseResult);
    if (e instanceof MigtestException m) {
      cli.getErr().println("migtest: error: " + ConsoleText.safe(m.getMessage()));
    } else {
      cli.getErr()
          .println(
              "migtest: internal error: "
                  + ConsoleText.safe(String.valueOf(e))
                  + (debug ? "" : " (run again with --debug for the stack trace, and report it)"));
    }
    if (debug) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      trace.toString().lines().map(ConsoleText::safe).forEach(cli.getErr()::println);
    }
    return exitCode(e);
  }

  /** A bad flag or argument: one line and where to read more, not the whole help. */
  static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = e.getMessage();
    if (e instanceof CommandLine.UnmatchedArgumentException
        && cli.getParent() == null
        && args.length > 0
        && !args[0].startsWith("-")) {
      message =
          "unknown command '"
              + args[0]
              + "'; the commands are "
              + String.join(", ", cli.getSubcommands().keySet());
    }
    cli.getErr().println("migtest: error: " + ConsoleText.safe(message));
    cli.getErr()
        .println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for the options.");
    return ExitCode.USAGE.code();
  }

  private static int exitCode(Throwable e) {
    return e instanceof MigtestException m ? m.exitCode().code() : ExitCode.ENVIRONMENT.code();
  }

  private static boolean debug(CommandLine.ParseResult parseResult) {
    return parseResult.asCommandLineList().stream()
        .anyMatch(
            c -> c.getParseResult() != null && c.getParseResult().hasMatchedOption("--debug"));
  }
}

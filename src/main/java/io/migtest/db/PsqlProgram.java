package io.migtest.db;

import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import io.migtest.process.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The psql program on {@code PATH} that scripts using psql's features run with. */
public final class PsqlProgram {
  private static final Path OS_RELEASE = Path.of("/etc/os-release");

  private PsqlProgram() {}

  /** psql on the {@code PATH} of {@code env}. */
  static Optional<Path> find(Map<String, String> env) {
    return Executables.find("psql", env);
  }

  /** For {@code migtest doctor}: where psql is and its version, or how to install it. */
  public static String describe(Map<String, String> env) {
    Optional<Path> psql = find(env);
    if (psql.isEmpty()) {
      return "not found on PATH; " + installHint();
    }
    try {
      CommandResult version =
          Commands.run(
              List.of(psql.get().toString(), "--version"),
              null,
              ChildEnvironment.minimal(env),
              Duration.ofSeconds(10));
      return psql.get() + " (" + version.output().strip() + ")";
    } catch (IOException e) {
      return psql.get() + " (it does not run: " + e.getMessage() + ")";
    }
  }

  /** How to install psql on this machine's OS. */
  static String installHint() {
    String os = "";
    try {
      os = Files.readString(OS_RELEASE).toLowerCase(Locale.ROOT);
    } catch (IOException e) {
      // Not Linux, or a minimal image: name the common packages.
    }
    if (os.contains("debian") || os.contains("ubuntu")) {
      return "install it with `apt-get install postgresql-client`";
    }
    if (os.contains("alpine")) {
      return "install it with `apk add postgresql-client`";
    }
    if (os.contains("fedora") || os.contains("rhel") || os.contains("centos")) {
      return "install it with `dnf install postgresql`";
    }
    return "install PostgreSQL's client (`apt-get install postgresql-client` on Debian and"
        + " Ubuntu, `apk add postgresql-client` on Alpine, `dnf install postgresql` on Fedora,"
        + " `brew install libpq` on macOS)";
  }
}

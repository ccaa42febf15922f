package io.migtest.db;

import io.migtest.DurationText;
import io.migtest.MigtestException;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import io.migtest.fs.TreeDeletion;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.CommandResult;
import io.migtest.process.Commands;
import io.migtest.sql.PsqlClient;
import io.migtest.sql.PsqlFeature;
import io.migtest.sql.SqlScript;
import io.migtest.sql.Statement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a script with psql, the way its layout's tool does, when it uses psql's commands or
 * variables. psql runs as the unprivileged account that runs PostgreSQL (through {@code setpriv}
 * when migtest is root), in a session of its own, with a cleared environment holding only the
 * connection, a private {@code HOME} and the run's time limits, in the folder its tool runs it from
 * ({@link PsqlFolders}).
 */
final class PsqlRunner implements AutoCloseable {
  /** psql's application name, by which the watchdog also finds it after a {@code \connect}. */
  static final String APPLICATION_NAME = "migtest-psql";

  /** Asked after the script: a transaction it left open is rolled back when psql ends. */
  static final String OPEN_TRANSACTION_MARK = "migtest:open-transaction";

  private static final String OPEN_TRANSACTION_CHECK =
      "SELECT '" + OPEN_TRANSACTION_MARK + "' WHERE now() <> statement_timestamp()";

  /** psql is bounded by its watchdog and the run's time limit; Commands' own bound stays out. */
  private static final Duration NO_OWN_LIMIT = Duration.ofDays(1);

  private final Timeouts timeouts;
  private final DatabaseServer server;
  private final String initSql;
  private final Map<String, String> parentEnv;
  private final Path temp;
  private final PsqlFolders folders;

  /**
   * @param initSql run first in psql's session, as on every JDBC connection (empty for none)
   * @param parentEnv migtest's environment: its {@code PATH} finds psql, and nothing else of it
   *     reaches psql
   */
  PsqlRunner(
      Timeouts timeouts, DatabaseServer server, String initSql, Map<String, String> parentEnv) {
    this.timeouts = timeouts;
    this.server = server;
    this.initSql = initSql;
    this.parentEnv = parentEnv;
    this.temp =
        Path.of(System.getProperty("java.io.tmpdir"), "migtest-psql-" + LaunchPlanner.currentUid());
    this.folders = new PsqlFolders(temp);
  }

  /**
   * Runs {@code script} with psql on {@code database}; empty when psql succeeded, else the finding
   * of the failure. The server's warnings and what the script wrote to standard error itself go to
   * {@code warnings}.
   *
   * @param feature the psql feature that makes the script need psql, for messages
   * @param ownPid the backend of migtest's own connection to {@code database}
   */
  Optional<Finding> run(
      SqlScript script, PsqlFeature feature, String database, int ownPid, ServerWarnings warnings) {
    PsqlClient client = script.psql();
    Optional<Path> psql = PsqlProgram.find(parentEnv);
    if (psql.isEmpty()) {
      return Optional.of(
          unavailable(
              script,
              feature,
              "psql is not on PATH; " + PsqlProgram.installHint() + " and run migtest again."));
    }
    LaunchPlan plan;
    try {
      plan = LaunchPlanner.plan(parentEnv);
    } catch (MigtestException e) {
      return Optional.of(
          unavailable(
              script,
              feature,
              "migtest runs as root and cannot run psql as an unprivileged user, and as root"
                  + " psql's `\\!` could read migtest's own secrets. Install util-linux"
                  + " (setpriv) and add a system user (e.g. `useradd --system migtest`), or run"
                  + " migtest as a non-root user."));
    }
    SystemAccount account = plan.account() != null ? plan.account() : SystemAccount.current();
    Path home = null;
    try {
      PsqlPaths paths =
          new PsqlPaths(client, folders.rootFor(client.folder(), account), script.file());
      home = PrivateFolder.create(temp, "home", account);
      List<String> command = new ArrayList<>(plan.commandPrefix());
      command.add(psql.get().toString());
      command.addAll(client.options());
      command.addAll(List.of("--set", "VERBOSITY=verbose"));
      if (!initSql.isBlank()) {
        command.addAll(List.of("--command", initSql));
      }
      command.addAll(List.of("--file", paths.fileArgument()));
      command.addAll(List.of("--command", OPEN_TRANSACTION_CHECK));
      return outcome(
          script, paths, command, environment(database, home), database, ownPid, warnings);
    } catch (IOException e) {
      return Optional.of(unavailable(script, feature, "psql could not run: " + e.getMessage()));
    } finally {
      if (home != null) {
        TreeDeletion.delete(home);
      }
    }
  }

  private Optional<Finding> outcome(
      SqlScript script,
      PsqlPaths paths,
      List<String> command,
      Map<String, String> env,
      String database,
      int ownPid,
      ServerWarnings warnings)
      throws IOException {
    CommandResult result;
    try (PsqlWatchdog watchdog =
        new PsqlWatchdog(
            server,
            database,
            APPLICATION_NAME,
            ownPid,
            timeouts.statementTimeout().plus(StatementWatchdog.GRACE))) {
      result =
          Commands.runInOwnSession(
              command, paths.workingFolder(), env, NO_OWN_LIMIT, watchdog::watch);
      if (watchdog.fired()) {
        return Optional.of(outlived(script, watchdog));
      }
    }
    String output = redact(result.output());
    String errors = redact(result.errors());
    PsqlWarnings.read(script, errors, paths::shown, warnings);
    if (!result.succeeded()) {
      return Optional.of(
          PsqlFailures.of(
              script, result.exitCode(), errors.isBlank() ? output : errors, paths::shown));
    }
    if (output.contains(OPEN_TRANSACTION_MARK)) {
      return Optional.of(ScriptFailures.openTransaction(script, script.split().statements()));
    }
    return Optional.empty();
  }

  /** psql's environment: the connection, the time limits and a private home; nothing else. */
  private Map<String, String> environment(String database, Path home) {
    ServerEndpoint endpoint = server.endpoint();
    Map<String, String> env = ChildEnvironment.minimal(parentEnv);
    env.put("HOME", home.toString());
    env.put("TMPDIR", home.toString());
    env.put("PGHOST", endpoint.host());
    env.put("PGPORT", String.valueOf(endpoint.port()));
    env.put("PGUSER", endpoint.user());
    env.put("PGDATABASE", database);
    if (endpoint.password() != null) {
      env.put("PGPASSWORD", endpoint.password());
    }
    env.put("PGAPPNAME", APPLICATION_NAME);
    env.put("PGCONNECT_TIMEOUT", "15");
    String options =
        endpoint.parameters().getOrDefault("options", "")
            + " -c statement_timeout="
            + timeouts.statementTimeout().toMillis()
            + " -c lock_timeout="
            + timeouts.lockTimeout().toMillis();
    env.put("PGOPTIONS", options.strip());
    Map.of(
            "sslmode", "PGSSLMODE",
            "sslrootcert", "PGSSLROOTCERT",
            "sslcert", "PGSSLCERT",
            "sslkey", "PGSSLKEY")
        .forEach(
            (parameter, variable) -> {
              String value = endpoint.parameters().get(parameter);
              if (value != null) {
                env.put(variable, value);
              }
            });
    return env;
  }

  /** psql was killed: a statement, or psql between statements, outlived the budget. */
  private Finding outlived(SqlScript script, PsqlWatchdog watchdog) {
    String query = watchdog.runningQuery();
    String firstLine = query == null ? null : firstLine(query);
    Statement running =
        firstLine == null
            ? null
            : script.split().statements().stream()
                .filter(s -> sent(firstLine(s.sql()), firstLine))
                .findFirst()
                .orElse(null);
    if (running != null) {
      return ScriptFailures.outlived(
          script, running, timeouts.statementTimeout(), watchdog.budget());
    }
    return new Finding(
        RuleId.STATEMENT_TIMEOUT_EXCEEDED,
        Severity.ERROR,
        script.file(),
        0,
        "psql ran "
            + (firstLine == null ? "without sending a statement" : "`" + firstLine + "`")
            + " for longer than the statement timeout allows ("
            + DurationText.format(watchdog.budget())
            + "), so migtest ended it. If it really needs longer, raise --statement-timeout.",
        "57014");
  }

  private static String firstLine(String sql) {
    return sql.strip().lines().findFirst().orElse("");
  }

  /**
   * True when psql sent {@code sent} for a statement whose first line is {@code written}: the same
   * text, or up to the first variable psql replaced.
   */
  private static boolean sent(String written, String sent) {
    int variable = written.indexOf(':');
    return variable < 0 ? written.equals(sent) : sent.startsWith(written.substring(0, variable));
  }

  private Finding unavailable(SqlScript script, PsqlFeature feature, String why) {
    return Finding.error(
        RuleId.PSQL_UNAVAILABLE,
        script.file(),
        feature.line(),
        script.file()
            + " uses `"
            + feature.text()
            + "` (line "
            + feature.line()
            + "), which only psql runs, so migtest runs it with psql as "
            + script.psql().tool()
            + " does. But "
            + why);
  }

  /** psql's messages could echo the password (a script's {@code \! env}); reports must not. */
  private String redact(String output) {
    String password = server.endpoint().password();
    return password == null || password.isEmpty() ? output : output.replace(password, "***");
  }

  /** Removes the copies of the script folders. */
  @Override
  public void close() {
    folders.close();
  }
}

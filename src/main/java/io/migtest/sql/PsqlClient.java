package io.migtest.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a layout's tool runs a script with psql. migtest runs a script this way only when it uses a
 * psql feature ({@link SqlScript#psqlFeature()}); any other script goes over JDBC, to the same
 * effect and faster.
 *
 * @param tool who runs psql this way, for messages ({@code Sqitch}, {@code psql -f})
 * @param options the tool's own options before {@code --file}, without connection options
 * @param folder the files psql may read: the script's folder and everything below it
 * @param runsInFolder true when psql runs in {@code folder} (Sqitch without a sqitch.conf, in the
 *     plan's folder), false when it runs in the project root (Sqitch beside its sqitch.conf, psql
 *     -f)
 */
public record PsqlClient(
    String tool, List<String> options, ScriptFolder folder, boolean runsInFolder) {

  /** Variables psql sets itself, so {@code :DBNAME} is replaced without any {@code \set}. */
  static final Set<String> AUTOMATIC_VARIABLES =
      Set.of(
          "AUTOCOMMIT",
          "COMP_KEYWORD_CASE",
          "DBNAME",
          "ECHO",
          "ECHO_HIDDEN",
          "ENCODING",
          "ERROR",
          "FETCH_COUNT",
          "HIDE_TABLEAM",
          "HIDE_TOAST_COMPRESSION",
          "HISTCONTROL",
          "HISTSIZE",
          "HOST",
          "IGNOREEOF",
          "LAST_ERROR_MESSAGE",
          "LAST_ERROR_SQLSTATE",
          "ON_ERROR_ROLLBACK",
          "ON_ERROR_STOP",
          "PORT",
          "PROMPT1",
          "PROMPT2",
          "PROMPT3",
          "QUIET",
          "ROW_COUNT",
          "SERVER_VERSION_NAME",
          "SERVER_VERSION_NUM",
          "SHELL_ERROR",
          "SHELL_EXIT_CODE",
          "SHOW_ALL_RESULTS",
          "SHOW_CONTEXT",
          "SINGLELINE",
          "SINGLESTEP",
          "SQLSTATE",
          "USER",
          "VERBOSITY",
          "VERSION",
          "VERSION_NAME",
          "VERSION_NUM");

  public PsqlClient {
    options = List.copyOf(options);
  }

  /**
   * A plain history or a setup file, assumed to run as {@code psql -X -v ON_ERROR_STOP=1 -f <file>}
   * from the project root: the usual way, and the only one that stops at the first error.
   */
  public static PsqlClient plain(ScriptFolder folder) {
    return new PsqlClient("psql -f", List.of("-X", "-v", "ON_ERROR_STOP=1"), folder, false);
  }

  /**
   * True when psql acts on {@code feature}: every meta-command, and a variable that is set (psql
   * leaves {@code :name} as it is when {@code name} is not set, as sending the SQL directly does).
   */
  public boolean honours(PsqlFeature feature) {
    return feature.variable() == null
        || AUTOMATIC_VARIABLES.contains(feature.variable())
        || variables().contains(feature.variable());
  }

  /** The variables the options set ({@code --set name=value}, {@code -v name=value}). */
  Set<String> variables() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i + 1 < options.size(); i++) {
      if (options.get(i).equals("--set") || options.get(i).equals("-v")) {
        names.add(options.get(i + 1).split("=", 2)[0]);
      }
    }
    return names;
  }
}

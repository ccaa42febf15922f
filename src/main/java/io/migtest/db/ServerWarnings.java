package io.migtest.db;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What scripts said besides failing, as notes for the report ({@code script-warning}): the server's
 * {@code WARNING} messages, over JDBC and through psql alike ({@code RAISE WARNING}, "there is no
 * transaction in progress"), and the text a script run with psql wrote to standard error itself
 * ({@code \warn}, a {@code \!} command). Notices ({@code RAISE NOTICE}, "does not exist, skipping")
 * are left out on both paths. The text comes from the repository's scripts, so it is bounded: at
 * most {@link #MAX_NOTES} notes, each cut at {@link #MAX_CHARS} characters on one line; the reports
 * escape it like every other server message.
 */
public final class ServerWarnings {
  /** Notes kept; more are counted in a last note. */
  static final int MAX_NOTES = 20;

  /** Characters kept of one message. */
  static final int MAX_CHARS = 500;

  /** The severity name the server gives a warning (psql prints it, pgjdbc reads it). */
  static final String WARNING = "WARNING";

  private final int limit;
  private final Set<Finding> notes = new LinkedHashSet<>();
  private int leftOut;

  private ServerWarnings(int limit) {
    this.limit = limit;
  }

  /** Warnings kept for the report. */
  public static ServerWarnings collecting() {
    return new ServerWarnings(MAX_NOTES);
  }

  /** Warnings nobody reports (setup scripts, tests): nothing is kept. */
  static ServerWarnings ignored() {
    return new ServerWarnings(0);
  }

  /** A {@code WARNING} of the server while the statement at {@code line} of {@code file} ran. */
  void server(String file, int line, String message, String detail, String hint, String sqlstate) {
    StringBuilder text = new StringBuilder("The server warned: ").append(message);
    if (detail != null && !detail.isBlank()) {
      text.append(" (detail: ").append(detail).append(')');
    }
    if (hint != null && !hint.isBlank()) {
      text.append(" (hint: ").append(hint).append(')');
    }
    add(file, line, text.toString(), sqlstate);
  }

  /** Lines a script run with psql wrote to standard error itself. */
  void standardError(String file, int line, List<String> lines) {
    add(file, line, "psql wrote to standard error: " + String.join(" / ", lines), null);
  }

  private synchronized void add(String file, int line, String message, String sqlstate) {
    if (limit == 0) {
      return;
    }
    Finding note =
        new Finding(RuleId.SCRIPT_WARNING, Severity.INFO, file, line, bounded(message), sqlstate);
    if (notes.contains(note)) {
      return;
    }
    if (notes.size() < limit) {
      notes.add(note);
    } else {
      leftOut++;
    }
  }

  /** The notes, and one that counts those left out. */
  public synchronized List<Finding> findings() {
    List<Finding> all = new ArrayList<>(notes);
    if (leftOut > 0) {
      all.add(
          Finding.info(
              RuleId.SCRIPT_WARNING,
              null,
              0,
              leftOut + " more warnings of the scripts are left out of the report."));
    }
    return List.copyOf(all);
  }

  /** One line without control characters, cut at {@link #MAX_CHARS}. */
  private static String bounded(String message) {
    String line = message.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS - 1) + "…";
  }
}

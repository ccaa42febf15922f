package io.migtest.cli;

import io.migtest.SecretRedactor;
import io.migtest.finding.Finding;

/**
 * Makes untrusted text safe to print in a terminal or a GitHub Actions log: secrets replaced by
 * {@code ***} ({@link SecretRedactor}), one line, no control characters (terminal escapes), and
 * nothing the runner would read as a workflow command ({@code ::} at the start of a line, {@code
 * ##[} anywhere).
 */
final class ConsoleText {
  private static final SecretRedactor SECRETS = new SecretRedactor(System.getenv());

  /**
   * C0 and C1 control characters (C1 holds a one-character terminal escape), line and paragraph
   * separators, and the marks that reverse the direction of text, so nothing reorders what a log
   * shows; tabs stay.
   */
  private static final String UNPRINTABLE =
      "[\\p{Cc}\\p{Zl}\\p{Zp}\\u202A-\\u202E\\u2066-\\u2069&&[^\t]]";

  private ConsoleText() {}

  /** A finding on one line: severity, place, rule, message and SQLSTATE. */
  static String finding(Finding f) {
    String location = f.location().isEmpty() ? "" : safe(f.location()) + " ";
    return f.severity().id()
        + " "
        + location
        + "["
        + f.rule()
        + "] "
        + safe(f.message())
        + (f.sqlstate() == null ? "" : " (SQLSTATE " + safe(f.sqlstate()) + ")");
  }

  static String safe(String text) {
    if (text == null) {
      return "";
    }
    // Redact first: a secret of several lines is matched before its line breaks become spaces.
    String line = SECRETS.redact(text).replaceAll(UNPRINTABLE, " ").replace("##[", "# #[");
    return line.stripLeading().startsWith("::") ? line.replaceFirst("::", ": :") : line;
  }
}

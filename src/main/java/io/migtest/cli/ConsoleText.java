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
    String line =
        SECRETS.redact(text).replaceAll("[\\p{Cntrl}&&[^\t]]", " ").replace("##[", "# #[");
    return line.stripLeading().startsWith("::") ? line.replaceFirst("::", ": :") : line;
  }
}

package io.migtest.cli;

/**
 * Makes untrusted text safe to print in a GitHub Actions log: one line, and no {@code ##[} that the
 * runner would read as a workflow command.
 */
final class ConsoleText {
  private ConsoleText() {}

  static String safe(String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\r", " ").replace("\n", " ").replace("##[", "# #[");
  }
}

package io.migtest.cli;

/**
 * Makes untrusted text safe to print in a terminal or a GitHub Actions log: one line, no control
 * characters (terminal escapes), and nothing the runner would read as a workflow command ({@code
 * ::} at the start of a line, {@code ##[} anywhere).
 */
final class ConsoleText {
  private ConsoleText() {}

  static String safe(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("[\\p{Cntrl}&&[^\t]]", " ").replace("##[", "# #[");
    return line.stripLeading().startsWith("::") ? line.replaceFirst("::", ": :") : line;
  }
}

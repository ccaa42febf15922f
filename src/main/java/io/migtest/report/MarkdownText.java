package io.migtest.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escapes untrusted text (file names, SQL, server messages from a pull request) for Markdown, so
 * that it shows as written: no links, images, HTML, mentions, issue references or table breaks.
 */
public final class MarkdownText {
  private static final Pattern BACKTICK_RUN = Pattern.compile("`+");
  private static final String SPECIAL = "\\`*_{}[]()#+-.!|~>";

  private MarkdownText() {}

  /** Text for a paragraph or a table cell, on one line. */
  public static String inline(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ').toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '&' -> out.append("&amp;");
        case '@' -> out.append("@&#8203;");
        // GitHub links #123 and org/repo#123 to issues wherever they stand in the text, and
        // the link adds a "mentioned" event to that issue; a zero-width space ends that.
        case '#' -> out.append("\\#&#8203;");
        default -> {
          if (SPECIAL.indexOf(c) >= 0) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }

  /**
   * An inline code span for a paragraph, that no backtick inside can close early; newlines become
   * spaces.
   */
  public static String code(String text) {
    String oneLine = text == null ? "" : text.replace('\r', ' ').replace('\n', ' ');
    String fence = "`".repeat(longestBacktickRun(oneLine) + 1);
    return fence + " " + oneLine + " " + fence;
  }

  /**
   * A {@link #code} span for a table cell. GFM splits cells before it reads code spans, so a pipe
   * must be escaped even there; the table parser drops the backslash again.
   */
  public static String codeInCell(String text) {
    return code(text == null ? null : text.replace("|", "\\|"));
  }

  private static int longestBacktickRun(String text) {
    int longest = 0;
    Matcher m = BACKTICK_RUN.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    return longest;
  }
}

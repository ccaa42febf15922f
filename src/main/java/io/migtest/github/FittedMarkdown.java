package io.migtest.github;

import io.migtest.report.MarkdownReport;
import io.migtest.report.RunReport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The Markdown report made to fit where GitHub limits its size (a comment: 65,536 characters; the
 * job summary: 1 MiB, over which nothing is shown at all): fewer findings per gate, the worst kept,
 * and a note that says where the whole report is.
 */
final class FittedMarkdown {
  /** GitHub refuses a comment body over 65,536 characters; this leaves room for safety. */
  static final int COMMENT_LIMIT = 65_000;

  /** GitHub shows no job summary over 1 MiB per step. */
  static final int SUMMARY_LIMIT = 1_000_000;

  static final ToIntFunction<String> CHARACTERS = String::length;
  static final ToIntFunction<String> UTF8_BYTES =
      text -> text.getBytes(StandardCharsets.UTF_8).length;

  private static final List<Integer> FINDINGS_PER_GATE = List.of(100, 25, 10, 3, 0);

  private FittedMarkdown() {}

  /**
   * The report with as many findings per gate as fit in {@code limit}; when even none fit, cut at a
   * line. {@code note} is added whenever something was left out.
   */
  static String fit(RunReport report, int limit, ToIntFunction<String> size, String note) {
    String full = new MarkdownReport().render(report);
    if (size.applyAsInt(full) <= limit) {
      return full;
    }
    String tail = "\n\n" + note + "\n";
    for (int findings : FINDINGS_PER_GATE) {
      String shorter = new MarkdownReport(findings).render(report) + tail;
      if (size.applyAsInt(shorter) <= limit) {
        return shorter;
      }
    }
    String text = new MarkdownReport(0).render(report);
    int room = limit - size.applyAsInt(tail);
    int end = Math.min(text.length(), Math.max(0, room));
    // Each step drops at least as many characters as the text is over (a character is 1+ units).
    for (int over = size.applyAsInt(text.substring(0, end)) - room; over > 0; ) {
      end = Math.max(0, end - over);
      over = size.applyAsInt(text.substring(0, end)) - room;
    }
    int line = text.lastIndexOf('\n', end - 1);
    return text.substring(0, line > 0 ? line : end) + tail;
  }
}

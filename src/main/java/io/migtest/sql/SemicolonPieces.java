package io.migtest.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a script after every {@code ;} byte, ignoring quotes, dollar quotes and comments, as
 * golang-migrate's {@code x-multi-statement} mode does ({@code database/multistmt/parse.go}): a
 * function body with semicolons falls apart there, as it does in production.
 */
final class SemicolonPieces {
  /** A piece of only white space and line comments does nothing on the server. */
  private static final Pattern NOTHING = Pattern.compile("(?:\\s|--[^\\n]*+)*+");

  private SemicolonPieces() {}

  /** The pieces as statements (without their {@code ;}), with the lines they span. */
  static SplitScript split(String text, int firstLine) {
    List<Statement> pieces = new ArrayList<>();
    int start = 0;
    int line = firstLine;
    while (start < text.length()) {
      int end = text.indexOf(';', start);
      String piece = text.substring(start, end < 0 ? text.length() : end);
      int leading = piece.length() - piece.stripLeading().length();
      int startLine = line + count(piece.substring(0, leading));
      line += count(piece);
      if (!NOTHING.matcher(piece).matches()) {
        pieces.add(new Statement(piece.strip(), startLine, line));
      }
      start = end < 0 ? text.length() : end + 1;
    }
    return new SplitScript(List.copyOf(pieces), List.of(), List.of());
  }

  private static int count(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}

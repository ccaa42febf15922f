package io.migtest.report;

/**
 * Makes untrusted text (file names, SQL, server messages) writable as XML 1.0. The XML writer
 * escapes markup; what no escape can carry, the control characters XML 1.0 forbids and lone
 * surrogates, is dropped here.
 */
final class XmlText {
  static final int MAX_ATTRIBUTE = 1000;

  private XmlText() {}

  /** Element content: illegal characters dropped, line ends as {@code \n} (a parser's reading). */
  static String content(String text) {
    if (text == null) {
      return "";
    }
    return legal(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  /**
   * An attribute value on one line and at most {@link #MAX_ATTRIBUTE} characters: a parser turns
   * raw line breaks and tabs in attributes into spaces anyway, and the full text goes into the
   * element's content.
   */
  static String attribute(String text) {
    String line = content(text).replace('\n', ' ').replace('\t', ' ');
    if (line.length() <= MAX_ATTRIBUTE) {
      return line;
    }
    int end = MAX_ATTRIBUTE - 1;
    if (Character.isHighSurrogate(line.charAt(end - 1))) {
      end--;
    }
    return line.substring(0, end) + "…";
  }

  private static String legal(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      if (isLegal(c)) {
        out.appendCodePoint(c);
      }
      i += Character.charCount(c);
    }
    return out.toString();
  }

  /** The {@code Char} production of XML 1.0; a lone surrogate is not a code point of its own. */
  private static boolean isLegal(int c) {
    return c == 0x9
        || c == 0xA
        || c == 0xD
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || (c >= 0x10000 && c <= 0x10FFFF);
  }
}

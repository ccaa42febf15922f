package io.migtest.sql;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits PostgreSQL script text into statements the way psql does: semicolons end statements except
 * inside quotes, dollar quotes, comments and {@code BEGIN ATOMIC ... END} bodies.
 *
 * <p>One pass over the text, linear in its length. Problems (unterminated quotes or comments, psql
 * meta-commands) are returned as findings rather than thrown, so the caller can report them with
 * the file name.
 */
public final class StatementSplitter {
  private static final java.util.regex.Pattern COPY_FROM_STDIN =
      java.util.regex.Pattern.compile(
          "^COPY\\b.*\\bFROM\\s+STDIN\\b",
          java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);
  private final String file;
  private final String text;
  private final List<Statement> statements = new ArrayList<>();
  private final List<Finding> problems = new ArrayList<>();
  private final List<PsqlFeature> psqlFeatures = new ArrayList<>();
  private int pos;
  private int line;
  private int start = -1;
  private int startLine;
  private final List<String> leadingWords = new ArrayList<>();
  private String previousWord = "";
  private int atomicDepth;
  private int parenDepth;

  private StatementSplitter(String file, String text, int firstLine) {
    this.file = file;
    this.text = text;
    this.line = firstLine;
  }

  /** Splits {@code text}, whose first line is line {@code firstLine} of {@code file}. */
  public static SplitScript split(String file, String text, int firstLine) {
    StatementSplitter splitter = new StatementSplitter(file, text, firstLine);
    splitter.run();
    return new SplitScript(
        List.copyOf(splitter.statements),
        List.copyOf(splitter.problems),
        List.copyOf(splitter.psqlFeatures));
  }

  /** Splits a whole file's text. */
  public static SplitScript split(String file, String text) {
    return split(file, text, 1);
  }

  private void run() {
    int n = text.length();
    while (pos < n) {
      char c = text.charAt(pos);
      char next = pos + 1 < n ? text.charAt(pos + 1) : '\0';
      if (c == '\n') {
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '-' && next == '-') {
        skipLineComment();
      } else if (c == '/' && next == '*') {
        if (!skipBlockComment()) {
          return;
        }
      } else if (c == ';' && atomicDepth == 0 && parenDepth == 0) {
        endStatement(pos);
        pos++;
        copyData();
      } else if (c == '\\') {
        metaCommand();
      } else {
        markStart();
        if (!significant(c, next)) {
          return;
        }
      }
    }
    endStatement(n);
  }

  /** Consumes one token that is part of a statement; false when it is unterminated. */
  private boolean significant(char c, char next) {
    if (c == '\'') {
      return skipQuoted('\'', isEscapeStringPrefix(), "string");
    }
    if (c == '"') {
      return skipQuoted('"', false, "quoted identifier");
    }
    if (c == '(') {
      parenDepth++;
    } else if (c == ')' && parenDepth > 0) {
      parenDepth--;
    }
    if (c == '$' && !identifierCharBefore(pos)) {
      String tag = dollarTag();
      if (tag != null) {
        return skipDollarQuoted(tag);
      }
    }
    if (c == ':') {
      colon(next);
      return true;
    }
    if (isIdentifierStart(c) && !identifierCharBefore(pos)) {
      int end = pos + 1;
      while (end < text.length() && isIdentifierPart(text.charAt(end))) {
        end++;
      }
      word(text.substring(pos, end).toUpperCase(Locale.ROOT));
      pos = end;
      return true;
    }
    pos++;
    return true;
  }

  /**
   * A colon: psql replaces {@code :name}, {@code :'name'} and {@code :"name"} with a variable's
   * value and {@code :{?name}} with whether it is set. A cast ({@code ::}) and {@code :=} are none.
   */
  private void colon(char next) {
    int from = pos;
    if (next == ':' || next == '=') {
      pos += 2;
      return;
    }
    if (next == '\'' || next == '"') {
      int end = variableEnd(pos + 2);
      if (end > pos + 2 && end < text.length() && text.charAt(end) == next) {
        pos = end + 1;
        psqlFeatures.add(
            new PsqlFeature(line, text.substring(from, pos), text.substring(from + 2, end)));
        return;
      }
    } else if (next == '{' && pos + 2 < text.length() && text.charAt(pos + 2) == '?') {
      int end = variableEnd(pos + 3);
      if (end > pos + 3 && end < text.length() && text.charAt(end) == '}') {
        pos = end + 1;
        psqlFeatures.add(new PsqlFeature(line, text.substring(from, pos), null));
        return;
      }
    } else {
      int end = variableEnd(pos + 1);
      if (end > pos + 1) {
        pos = end;
        psqlFeatures.add(
            new PsqlFeature(line, text.substring(from, pos), text.substring(from + 1, end)));
        return;
      }
    }
    pos++;
  }

  /**
   * The end of a psql variable name starting at {@code from} (psqlscan.l {@code variable_char}).
   */
  private int variableEnd(int from) {
    int end = from;
    while (end < text.length()) {
      char c = text.charAt(end);
      if (c < 0x80 && !(Character.isLetterOrDigit(c) || c == '_')) {
        break;
      }
      end++;
    }
    return end;
  }

  private void markStart() {
    if (start < 0) {
      start = pos;
      startLine = line;
    }
  }

  private void endStatement(int end) {
    if (start >= 0) {
      String sql = text.substring(start, end).stripTrailing();
      int endLine = startLine + (int) sql.chars().filter(ch -> ch == '\n').count();
      statements.add(new Statement(sql, startLine, endLine));
    }
    start = -1;
    leadingWords.clear();
    previousWord = "";
    atomicDepth = 0;
    parenDepth = 0;
  }

  /**
   * After {@code COPY ... FROM STDIN;} the script holds the rows themselves, as pg_dump writes
   * them, up to a line {@code \.}: they belong to the statement, not to the SQL.
   */
  private void copyData() {
    if (statements.isEmpty()) {
      return;
    }
    Statement last = statements.get(statements.size() - 1);
    if (!COPY_FROM_STDIN.matcher(last.sql()).find() || last.copyData() != null) {
      return;
    }
    int lineEnd = text.indexOf('\n', pos);
    int start = lineEnd < 0 ? text.length() : lineEnd + 1;
    StringBuilder data = new StringBuilder();
    int cursor = start;
    while (cursor < text.length()) {
      int end = text.indexOf('\n', cursor);
      String row = text.substring(cursor, end < 0 ? text.length() : end);
      cursor = end < 0 ? text.length() : end + 1;
      if (row.stripTrailing().equals("\\.")) {
        break;
      }
      data.append(row).append('\n');
    }
    for (int i = pos; i < cursor; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    pos = cursor;
    statements.set(
        statements.size() - 1,
        new Statement(last.sql(), last.startLine(), last.endLine(), data.toString()));
  }

  /** Tracks SQL-standard routine bodies, whose inner semicolons do not end the statement. */
  private void word(String word) {
    if (leadingWords.size() < 4) {
      leadingWords.add(word);
    }
    if (atomicDepth > 0) {
      if (word.equals("CASE")) {
        atomicDepth++;
      } else if (word.equals("END")) {
        atomicDepth--;
      }
    } else if (word.equals("ATOMIC") && previousWord.equals("BEGIN") && isRoutineDefinition()) {
      atomicDepth = 1;
    }
    previousWord = word;
  }

  private boolean isRoutineDefinition() {
    return leadingWords.size() >= 2
        && leadingWords.get(0).equals("CREATE")
        && (leadingWords.contains("FUNCTION") || leadingWords.contains("PROCEDURE"));
  }

  private void skipLineComment() {
    while (pos < text.length() && text.charAt(pos) != '\n') {
      pos++;
    }
  }

  private boolean skipBlockComment() {
    int openedAt = line;
    int depth = 0;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      char next = pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
      if (c == '/' && next == '*') {
        depth++;
        pos += 2;
      } else if (c == '*' && next == '/') {
        depth--;
        pos += 2;
        if (depth == 0) {
          return true;
        }
      } else {
        advance(c);
      }
    }
    unterminated("block comment", "/*", openedAt);
    return false;
  }

  private boolean skipQuoted(char quote, boolean backslashEscapes, String what) {
    int openedAt = line;
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (backslashEscapes && c == '\\') {
        pos++;
        if (pos < text.length()) {
          advance(text.charAt(pos));
        }
      } else if (c == quote) {
        if (pos + 1 < text.length() && text.charAt(pos + 1) == quote) {
          pos += 2;
        } else {
          pos++;
          return true;
        }
      } else {
        advance(c);
      }
    }
    unterminated(what, String.valueOf(quote), openedAt);
    return false;
  }

  private boolean skipDollarQuoted(String tag) {
    int openedAt = line;
    pos += tag.length();
    int close = text.indexOf(tag, pos);
    int end = close < 0 ? text.length() : close;
    for (int i = pos; i < end; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    if (close < 0) {
      pos = text.length();
      unterminated("dollar-quoted string", tag, openedAt);
      return false;
    }
    pos = close + tag.length();
    return true;
  }

  /** The dollar-quote opener at {@code pos} ({@code $$} or {@code $tag$}), or null. */
  private String dollarTag() {
    int i = pos + 1;
    if (i < text.length() && text.charAt(i) != '$' && !isIdentifierStart(text.charAt(i))) {
      return null;
    }
    while (i < text.length() && text.charAt(i) != '$') {
      char c = text.charAt(i);
      if (!isIdentifierPart(c) || c == '$') {
        return null;
      }
      i++;
    }
    return i < text.length() ? text.substring(pos, i + 1) : null;
  }

  private void metaCommand() {
    int end = text.indexOf('\n', pos);
    String command = text.substring(pos, end < 0 ? text.length() : end).strip();
    Finding finding = PsqlMetaCommand.finding(file, line, command);
    problems.add(finding);
    if (finding.severity() != Severity.INFO) {
      psqlFeatures.add(new PsqlFeature(line, command, null));
    }
    if (start >= 0 && PsqlMetaCommand.executesBuffer(command)) {
      endStatement(pos);
    }
    pos = end < 0 ? text.length() : end;
  }

  private void advance(char c) {
    if (c == '\n') {
      line++;
    }
    pos++;
  }

  private void unterminated(String what, String opener, int openedAt) {
    problems.add(
        Finding.error(
            switch (what) {
              case "block comment" -> RuleId.UNTERMINATED_COMMENT;
              case "dollar-quoted string" -> RuleId.UNTERMINATED_DOLLAR_QUOTE;
              case "quoted identifier" -> RuleId.UNTERMINATED_IDENTIFIER;
              default -> RuleId.UNTERMINATED_STRING;
            },
            file,
            openedAt,
            "Unterminated "
                + what
                + " "
                + opener
                + " opened at line "
                + openedAt
                + ": close it (psql would wait for more input here and PostgreSQL rejects it)."));
    start = -1;
  }

  private boolean isEscapeStringPrefix() {
    return pos > 0
        && (text.charAt(pos - 1) == 'E' || text.charAt(pos - 1) == 'e')
        && !identifierCharBefore(pos - 1);
  }

  private boolean identifierCharBefore(int index) {
    return index > 0 && isIdentifierPart(text.charAt(index - 1));
  }

  private static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c >= 0x80;
  }

  private static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
  }
}

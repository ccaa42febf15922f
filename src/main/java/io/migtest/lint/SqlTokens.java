package io.migtest.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement's text as PostgreSQL's lexer sees it, without comments: the token pass that rules run
 * on without waiting for JSqlParser, which does not parse several of the forms lint cares about
 * most ({@code NOT VALID}, {@code USING INDEX}, {@code VACUUM}, {@code BEGIN}, ...).
 */
public final class SqlTokens {
  /** What a token is. */
  public enum Kind {
    /** A keyword or unquoted identifier; its value is lower case, as PostgreSQL folds it. */
    WORD,
    /** A double-quoted identifier; its value is the name inside the quotes. */
    QUOTED,
    /** A string constant ({@code '...'}, {@code E'...'}, a dollar-quoted body); value inside. */
    STRING,
    NUMBER,
    /** Punctuation or an operator, one token per character except {@code ::}. */
    SYMBOL
  }

  /**
   * One token.
   *
   * @param value the folded word, the quoted name or string contents, the symbol itself
   * @param line the 1-based line of the file it starts on
   */
  public record Token(Kind kind, String value, int line) {
    /** A keyword or unquoted identifier equal to {@code word} (given in lower case). */
    public boolean isWord(String word) {
      return kind == Kind.WORD && value.equals(word);
    }

    public boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && value.equals(symbol);
    }

    /** A name: a word or a quoted identifier. */
    public boolean isName() {
      return kind == Kind.WORD || kind == Kind.QUOTED;
    }
  }

  private SqlTokens() {}

  /** The tokens of {@code sql}, whose first character is on line {@code firstLine}. */
  public static List<Token> of(String sql, int firstLine) {
    List<Token> tokens = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    int line = firstLine;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : '\0';
      int start = i;
      int startLine = line;
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && next == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && next == '*') {
        int depth = 0;
        while (i < n) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
            if (depth == 0) {
              break;
            }
          } else {
            line += sql.charAt(i) == '\n' ? 1 : 0;
            i++;
          }
        }
      } else if (c == '\'' || ((c == 'e' || c == 'E') && next == '\'')) {
        boolean escapes = c != '\'';
        i += escapes ? 2 : 1;
        StringBuilder value = new StringBuilder();
        while (i < n) {
          char ch = sql.charAt(i);
          if (escapes && ch == '\\' && i + 1 < n) {
            value.append(sql.charAt(i + 1));
            i += 2;
          } else if (ch == '\'' && i + 1 < n && sql.charAt(i + 1) == '\'') {
            value.append('\'');
            i += 2;
          } else if (ch == '\'') {
            i++;
            break;
          } else {
            line += ch == '\n' ? 1 : 0;
            value.append(ch);
            i++;
          }
        }
        tokens.add(new Token(Kind.STRING, value.toString(), startLine));
      } else if (c == '"') {
        i++;
        StringBuilder value = new StringBuilder();
        while (i < n) {
          char ch = sql.charAt(i);
          if (ch == '"' && i + 1 < n && sql.charAt(i + 1) == '"') {
            value.append('"');
            i += 2;
          } else if (ch == '"') {
            i++;
            break;
          } else {
            line += ch == '\n' ? 1 : 0;
            value.append(ch);
            i++;
          }
        }
        tokens.add(new Token(Kind.QUOTED, value.toString(), startLine));
      } else if (c == '$' && dollarTagEnd(sql, i) > 0) {
        int tagEnd = dollarTagEnd(sql, i);
        String tag = sql.substring(i, tagEnd);
        int close = sql.indexOf(tag, tagEnd);
        int end = close < 0 ? n : close;
        String body = sql.substring(tagEnd, end);
        line += (int) body.chars().filter(ch -> ch == '\n').count();
        tokens.add(new Token(Kind.STRING, body, startLine));
        i = close < 0 ? n : close + tag.length();
      } else if (Character.isLetter(c) || c == '_') {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i)) || "_$".indexOf(sql.charAt(i)) >= 0)) {
          i++;
        }
        tokens.add(
            new Token(Kind.WORD, sql.substring(start, i).toLowerCase(Locale.ROOT), startLine));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        tokens.add(new Token(Kind.NUMBER, sql.substring(start, i), startLine));
      } else if (c == ':' && next == ':') {
        tokens.add(new Token(Kind.SYMBOL, "::", startLine));
        i += 2;
      } else {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), startLine));
        i++;
      }
    }
    return List.copyOf(tokens);
  }

  /** The end of a dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code i}, or -1. */
  private static int dollarTagEnd(String sql, int i) {
    int j = i + 1;
    while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
      if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
        return -1;
      }
      j++;
    }
    return j < sql.length() && sql.charAt(j) == '$' ? j + 1 : -1;
  }
}

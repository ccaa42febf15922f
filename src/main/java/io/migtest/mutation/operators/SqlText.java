package io.migtest.mutation.operators;

import java.util.regex.Pattern;

/** Reading a statement's raw text as token operators do. */
final class SqlText {
  private static final Pattern LEADING_COMMENTS =
      Pattern.compile("\\A(?:\\s+|--[^\\n]*(?:\\n|\\z)|/\\*.*?\\*/)*", Pattern.DOTALL);

  private SqlText() {}

  /** The statement from its first keyword: comments and blank lines before it removed. */
  static String withoutLeadingComments(String sql) {
    return LEADING_COMMENTS.matcher(sql).replaceFirst("");
  }
}

package io.migtest.oracle;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a test names a table: the name as a whole word, in any case, quoted or not. Tests that do
 * not name a table are not run for a mutant of it; an empty set of tables (not known) is named by
 * every test.
 */
final class TableMentions {
  private TableMentions() {}

  static boolean namesAny(String text, Set<String> tables) {
    if (tables.isEmpty()) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    for (String table : tables) {
      Pattern word =
          Pattern.compile(
              "(?<![\\w$])" + Pattern.quote(table.toLowerCase(Locale.ROOT)) + "(?![\\w$])");
      if (word.matcher(lower).find()) {
        return true;
      }
    }
    return false;
  }
}

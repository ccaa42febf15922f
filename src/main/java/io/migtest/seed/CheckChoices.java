package io.migtest.seed;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The values a single-column CHECK allows when it is a list: {@code status IN ('new', 'paid')},
 * which the server prints back as {@code CHECK ((status = ANY (ARRAY['new'::text,
 * 'paid'::text])))}, or one value ({@code CHECK ((kind = 'a'::text))}). Generated text would never
 * pass such a check, so seeding picks among these.
 */
final class CheckChoices {
  private static final String PREFIX = "CHECK ((";
  private static final Pattern COLUMN =
      Pattern.compile("\\(?(\\w+|\"(?:[^\"]|\"\")+\")\\)?(::[\\w ]+)?");

  private CheckChoices() {}

  /** An SQL array expression of the allowed values, or empty for any other check. */
  static Optional<String> of(String definition) {
    if (!definition.startsWith(PREFIX)
        || definition.contains(" AND ")
        || definition.contains(" OR ")) {
      return Optional.empty();
    }
    int any = definition.indexOf(" = ANY (");
    if (any >= 0 && column(definition, any)) {
      int start = definition.indexOf("ARRAY[", any);
      int end = start < 0 ? -1 : closingBracket(definition, start + "ARRAY[".length());
      return end < 0 ? Optional.empty() : Optional.of(definition.substring(start, end + 1));
    }
    int equals = definition.indexOf(" = '");
    if (equals > 0 && definition.endsWith("))") && column(definition, equals)) {
      String literal = definition.substring(equals + 3, definition.length() - 2);
      if (literal.startsWith("'") && closingQuote(literal) > 0) {
        return Optional.of("ARRAY[" + literal + "]");
      }
    }
    return Optional.empty();
  }

  /** Whether what the check compares, before {@code end}, is the column itself (maybe cast). */
  private static boolean column(String definition, int end) {
    return COLUMN.matcher(definition.substring(PREFIX.length(), end)).matches();
  }

  /** The index of the {@code ]} that closes the bracket opened before {@code from}, or -1. */
  private static int closingBracket(String text, int from) {
    boolean quoted = false;
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '[') {
        depth++;
      } else if (!quoted && c == ']' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static int closingQuote(String literal) {
    for (int i = 1; i < literal.length(); i++) {
      if (literal.charAt(i) == '\'') {
        if (i + 1 < literal.length() && literal.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i;
        }
      }
    }
    return -1;
  }
}

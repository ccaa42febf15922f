package io.migtest;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replaces secrets with {@code ***} in text migtest is about to print; apply it to every message,
 * since a message may echo a flag, a URL or the output of a command.
 *
 * <p>The rules, in the order they apply (names match in any case):
 *
 * <ol>
 *   <li>The value of an environment variable whose name contains {@code token}, {@code passw}
 *       (password, passwd), {@code secret} or {@code key}, wherever it appears, when it is at least
 *       6 characters long, as GitHub Actions masks secrets (shorter values would hide ordinary
 *       words). A value of several lines is masked line by line too.
 *   <li>A URL's password: in {@code scheme://user:PASSWORD@host}, from the colon after the user to
 *       the last {@code @} of the word (a password may hold an unencoded {@code @}). One slash
 *       after the scheme is enough, as when a URL was normalised as a path. {@code
 *       scheme://host:5432/db} has no {@code @} and keeps its port.
 *   <li>The value of an assignment {@code NAME=VALUE} whose name contains {@code token}, {@code
 *       passw} or {@code secret}, with no space before the {@code =}: {@code --github-token=x},
 *       {@code GITHUB_TOKEN=x}, {@code ?password=x&}, {@code password_hash='x'}. The value ends at
 *       whitespace, {@code &} or a quote, or is one quoted string.
 *   <li>The word after an option ({@code -} or {@code --}) whose name contains one of those words:
 *       {@code --db-password hunter2}, and picocli's list {@code '--db-password', 'hunter2'}.
 * </ol>
 *
 * <p>So a name alone is not enough: {@code password_hash text}, {@code password_hash = 'x'} (SQL,
 * not an assignment) and "password authentication failed" are left alone. {@code key} counts for
 * environment variables only, since {@code primary_key=} or {@code sslkey=} name no secret. The
 * rules err towards hiding: the value of {@code --password-file} is masked too.
 */
public final class SecretRedactor {
  /** The pattern rules without environment values, for text shown where none is at hand. */
  public static final SecretRedactor PATTERNS_ONLY = new SecretRedactor(Map.of());

  private static final String MASK = "***";
  private static final int MIN_MASKED_LENGTH = 6;
  private static final Pattern SECRET_VARIABLE =
      Pattern.compile("token|passw|secret|key", Pattern.CASE_INSENSITIVE);

  // Every pattern starts only where the previous character cannot continue the name, and its
  // name parts are possessive: a long word costs one pass, not one per position.
  private static final Pattern URL_USER =
      Pattern.compile(
          "(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*+:/++[^:/?#@\\s]*+:", Pattern.CASE_INSENSITIVE);
  private static final String SECRET_NAME =
      "(?<![\\w.-])(?=[\\w.-]*?(?:passw|secret|token))[\\w.-]++";
  private static final String VALUE = "('[^']*'|\"[^\"]*\"|[^\\s&'\"]+)";
  private static final Pattern ASSIGNMENT =
      Pattern.compile("(" + SECRET_NAME + "=)" + VALUE, Pattern.CASE_INSENSITIVE);
  private static final Pattern OPTION_VALUE =
      Pattern.compile("((?=-)" + SECRET_NAME + "['\"]?,?\\s+)" + VALUE, Pattern.CASE_INSENSITIVE);

  private final List<String> secretValues;

  /**
   * @param environment the process environment (the CLI passes {@code System.getenv()}); only the
   *     values of variables whose name says they are secret are kept
   */
  public SecretRedactor(Map<String, String> environment) {
    this.secretValues =
        environment.entrySet().stream()
            .filter(e -> e.getValue() != null && SECRET_VARIABLE.matcher(e.getKey()).find())
            .flatMap(e -> Stream.concat(Stream.of(e.getValue()), e.getValue().lines()))
            .map(String::strip)
            .filter(v -> v.length() >= MIN_MASKED_LENGTH)
            .distinct()
            // Longest first, so a secret that contains another is masked whole.
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  /** {@code text} with every secret the rules find replaced by {@code ***}; null stays null. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String result = text;
    for (String secret : secretValues) {
      result = result.replace(secret, MASK);
    }
    result = urlPasswordsMasked(result);
    result = ASSIGNMENT.matcher(result).replaceAll(m -> masked(m.group(1), m.group(2)));
    return OPTION_VALUE.matcher(result).replaceAll(m -> masked(m.group(1), m.group(2)));
  }

  /**
   * After a URL's user, masks up to the last {@code @} of the word, then goes on after the word.
   */
  private static String urlPasswordsMasked(String text) {
    StringBuilder out = new StringBuilder(text.length());
    Matcher user = URL_USER.matcher(text);
    int copied = 0;
    int from = 0;
    while (user.find(from)) {
      int wordEnd = user.end();
      while (wordEnd < text.length() && !Character.isWhitespace(text.charAt(wordEnd))) {
        wordEnd++;
      }
      int at = text.lastIndexOf('@', wordEnd - 1);
      if (at > user.end()) {
        out.append(text, copied, user.end()).append(MASK);
        copied = at;
      }
      from = wordEnd;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** Keeps the quotes around a quoted value, so the shape of the message survives. */
  private static String masked(String before, String value) {
    char first = value.charAt(0);
    String mask = first == '\'' || first == '"' ? first + MASK + first : MASK;
    return Matcher.quoteReplacement(before + mask);
  }
}

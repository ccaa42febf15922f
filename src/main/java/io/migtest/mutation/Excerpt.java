package io.migtest.mutation;

/**
 * Where a mutant differs from its statement, as two short snippets: the text around the first and
 * last difference of the re-printed original and the mutated statement, so a report shows {@code
 * username varchar (30) NOT NULL, email} against {@code username varchar (30), email} instead of
 * two whole CREATE TABLE statements.
 *
 * @param before the original's snippet, with {@code …} where text was cut
 * @param after the mutant's snippet; empty when the mutant deletes the statement
 */
public record Excerpt(String before, String after) {
  static final int CONTEXT = 24;
  static final int LONGEST = 160;

  /** The snippets of {@code original} (re-printed, like the mutant) and {@code mutated}. */
  public static Excerpt of(String original, String mutated) {
    if (mutated.isEmpty()) {
      return new Excerpt(shortened(original), "");
    }
    int prefix = 0;
    int limit = Math.min(original.length(), mutated.length());
    while (prefix < limit && original.charAt(prefix) == mutated.charAt(prefix)) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < limit - prefix
        && original.charAt(original.length() - 1 - suffix)
            == mutated.charAt(mutated.length() - 1 - suffix)) {
      suffix++;
    }
    int from = Math.max(0, prefix - CONTEXT);
    return new Excerpt(
        cut(original, from, Math.min(original.length(), original.length() - suffix + CONTEXT)),
        cut(mutated, from, Math.min(mutated.length(), mutated.length() - suffix + CONTEXT)));
  }

  private static String cut(String text, int from, int to) {
    String middle = text.substring(from, to);
    if (middle.length() > LONGEST) {
      middle = middle.substring(0, LONGEST) + "…";
    }
    return (from > 0 ? "…" : "") + middle + (to < text.length() ? "…" : "");
  }

  private static String shortened(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    return flat.length() > LONGEST ? flat.substring(0, LONGEST) + "…" : flat;
  }
}

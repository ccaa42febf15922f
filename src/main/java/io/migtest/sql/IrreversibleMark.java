package io.migtest.sql;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- migtest:irreversible <reason>} in an up script: the migration cannot be undone on
 * purpose (it drops data, it adds enum values), so it has no down script and the rollback checks
 * leave it alone. The reason is for the reviewer; a mark without one is itself a finding.
 *
 * @param line the line of the script the mark is on (1 for the first)
 * @param reason what the mark says after the keyword, empty when nothing
 */
public record IrreversibleMark(int line, String reason) {
  private static final Pattern MARK = Pattern.compile("--\\s*migtest:irreversible\\b(.*)$");

  /** The first mark in {@code text}, if it has one. */
  public static Optional<IrreversibleMark> in(String text) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher mark = MARK.matcher(lines[i]);
      if (mark.find()) {
        return Optional.of(new IrreversibleMark(i + 1, mark.group(1).strip()));
      }
    }
    return Optional.empty();
  }

  public boolean hasReason() {
    return !reason.isEmpty();
  }
}

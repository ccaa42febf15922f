package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Mutation;
import io.migtest.mutation.Operator;
import io.migtest.mutation.Site;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PRF_004: a {@code SET [LOCAL] lock_timeout} or {@code statement_timeout} is deleted. The kind of
 * statement is read from its text, which also covers {@code SET x TO y} (JSqlParser 5.4 parses only
 * {@code SET x = y}).
 */
final class DeleteLockTimeout implements Operator {
  private static final Pattern SET_TIMEOUT =
      Pattern.compile(
          "SET\\s+(?:LOCAL\\s+|SESSION\\s+)?(lock_timeout|statement_timeout)\\b",
          Pattern.CASE_INSENSITIVE);

  @Override
  public String id() {
    return "PRF_004";
  }

  @Override
  public Category category() {
    return Category.PERFORMANCE;
  }

  @Override
  public Impact impact() {
    return Impact.MEDIUM;
  }

  @Override
  public String description() {
    return "Delete SET [LOCAL] lock_timeout / statement_timeout";
  }

  @Override
  public String killedBy() {
    return "a blocker probe: with a conflicting lock held, the original fails fast (55P03) and"
        + " the mutant waits (TIMEOUT)";
  }

  @Override
  public List<Mutation> mutate(Site site) {
    Matcher set = SET_TIMEOUT.matcher(SqlText.withoutLeadingComments(site.sql()));
    return site.part() == part() && set.lookingAt()
        ? List.of(new Mutation("`SET " + set.group(1).toLowerCase(Locale.ROOT) + "` deleted", ""))
        : List.of();
  }
}

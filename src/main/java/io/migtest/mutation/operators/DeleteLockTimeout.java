package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Mutation;
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
final class DeleteLockTimeout extends DescribedOperator {
  private static final Pattern SET_TIMEOUT =
      Pattern.compile(
          "SET\\s+(?:LOCAL\\s+|SESSION\\s+)?(lock_timeout|statement_timeout)\\b",
          Pattern.CASE_INSENSITIVE);

  DeleteLockTimeout() {
    super(
        "PRF_004",
        Category.PERFORMANCE,
        Impact.MEDIUM,
        "Delete SET [LOCAL] lock_timeout / statement_timeout",
        "a blocker probe: with a conflicting lock held, the original fails fast (55P03) and"
            + " the mutant waits (TIMEOUT)");
  }

  @Override
  public boolean probedWithBlocker() {
    return true;
  }

  @Override
  public List<Mutation> mutate(Site site) {
    Matcher set = SET_TIMEOUT.matcher(SqlText.withoutLeadingComments(site.sql()));
    return site.part() == part() && set.lookingAt()
        ? List.of(new Mutation("`SET " + set.group(1).toLowerCase(Locale.ROOT) + "` deleted", ""))
        : List.of();
  }
}

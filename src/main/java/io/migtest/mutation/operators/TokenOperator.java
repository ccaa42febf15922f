package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import io.migtest.mutation.Mutation;
import io.migtest.mutation.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator on the raw text, for what JSqlParser 5.4 cannot parse ({@code NOT VALID}, {@code
 * REINDEX}, {@code SET x TO y}): each match of a pattern in a statement of the right kind is one
 * mutant, the match removed. Only for changes that are safe on text: removing a keyword.
 */
abstract class TokenOperator extends DescribedOperator {
  private final Pattern statement;
  private final Pattern token;

  /**
   * @param statement what the statement must look like (found from its start)
   * @param token what is removed, each match one mutant
   */
  TokenOperator(
      String id,
      Category category,
      Impact impact,
      String description,
      String killedBy,
      Pattern statement,
      Pattern token) {
    super(id, category, impact, description, killedBy);
    this.statement = statement;
    this.token = token;
  }

  /** What the report says one removal changed. */
  abstract String change(String removed);

  @Override
  public List<Mutation> mutate(Site site) {
    String sql = SqlText.withoutLeadingComments(site.sql());
    if (site.part() != part() || !statement.matcher(sql).lookingAt()) {
      return List.of();
    }
    List<Mutation> mutations = new ArrayList<>();
    Matcher matcher = token.matcher(sql);
    while (matcher.find()) {
      String mutated = sql.substring(0, matcher.start()) + sql.substring(matcher.end());
      mutations.add(new Mutation(change(matcher.group().strip()), mutated.strip()));
    }
    return mutations;
  }
}

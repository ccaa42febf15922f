package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.regex.Pattern;

/** PRF_002: {@code DROP INDEX CONCURRENTLY} and {@code REINDEX ... CONCURRENTLY} lose it. */
final class DropConcurrentlyFromDropOrReindex extends TokenOperator {
  DropConcurrentlyFromDropOrReindex() {
    super(
        "PRF_002",
        Category.PERFORMANCE,
        Impact.MEDIUM,
        "Remove CONCURRENTLY from DROP INDEX or REINDEX",
        "the performance gate's lock check: the plain form takes an ACCESS EXCLUSIVE lock",
        Pattern.compile("(?:DROP\\s+INDEX|REINDEX)\\b", Pattern.CASE_INSENSITIVE),
        Pattern.compile("\\s+CONCURRENTLY\\b", Pattern.CASE_INSENSITIVE));
  }

  @Override
  String change(String removed) {
    return "CONCURRENTLY dropped";
  }
}

package io.migtest.mutation;

/**
 * One change an operator makes to one statement.
 *
 * @param change what changed, for the report ("NOT NULL of `name` dropped")
 * @param sql the mutated statement, or empty when the mutation removes the statement
 * @param equivalentBecause why the mutant cannot differ from the original (a NOT NULL dropped from
 *     a primary key column), or null when it may
 * @param reprinted whether {@code sql} is JSqlParser's re-print of the changed AST (the rest of the
 *     statement re-printed too), rather than the original text with one part cut out
 */
public record Mutation(String change, String sql, String equivalentBecause, boolean reprinted) {
  /** A change made on the text, or a deletion: the rest of the statement stays as written. */
  public Mutation(String change, String sql) {
    this(change, sql, null, false);
  }

  /** The mutation deletes the whole statement. */
  public boolean removesStatement() {
    return sql.isEmpty();
  }
}

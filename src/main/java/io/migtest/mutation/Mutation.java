package io.migtest.mutation;

/**
 * One change an operator makes to one statement.
 *
 * @param change what changed, for the report ("NOT NULL of `name` dropped")
 * @param sql the mutated statement, or empty when the mutation removes the statement
 * @param equivalentBecause why the mutant cannot differ from the original (a NOT NULL dropped from
 *     a primary key column), or null when it may
 */
public record Mutation(String change, String sql, String equivalentBecause) {
  public Mutation(String change, String sql) {
    this(change, sql, null);
  }

  /** The mutation deletes the whole statement. */
  public boolean removesStatement() {
    return sql.isEmpty();
  }
}

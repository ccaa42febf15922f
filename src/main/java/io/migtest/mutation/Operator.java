package io.migtest.mutation;

import java.util.List;

/**
 * A mutation operator: a small, deliberate fault of one kind (a NOT NULL dropped, a WHERE lost, a
 * statement deleted from a down script) that the migration's tests should notice. Ids are stable
 * once released ({@code MUTATION-CATALOG}); {@code migtest mutants} lists them.
 */
public interface Operator {
  /** The stable id, category prefix and number ({@code SCH_001}). */
  String id();

  Category category();

  Impact impact();

  /** One line: what the operator changes. */
  String description();

  /** The cheapest test that kills its mutants: the hint printed beside a survivor. */
  String killedBy();

  /** The script it mutates: up, or down for the rollback operators. */
  default Part part() {
    return category() == Category.ROLLBACK ? Part.DOWN : Part.UP;
  }

  /**
   * Whether its mutants are judged with a blocker probe when the tests let them through: a session
   * holding a lock on the migration's tables, as a long transaction in production does.
   */
  default boolean probedWithBlocker() {
    return false;
  }

  /** Every mutant of one statement, each a single change; none when the operator does not apply. */
  List<Mutation> mutate(Site site);
}

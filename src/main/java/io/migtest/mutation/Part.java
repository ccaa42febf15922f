package io.migtest.mutation;

/** Which script of a migration an operator mutates. */
public enum Part {
  /** The up script (the migration itself). */
  UP,
  /** The down script (its rollback). */
  DOWN
}

package io.migtest.gate;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.seed.TableFill;

/** The note for a table that seeding could not fill completely, and what that means for a gate. */
final class SeedIncomplete {
  private SeedIncomplete() {}

  /**
   * @param consequence what the gate does with the rows it got, e.g. "Its figures come from fewer
   *     rows."
   */
  static Finding of(TableFill fill, GateContext context, String consequence) {
    return Finding.info(
        RuleId.SEED_INCOMPLETE,
        context.migrations().head().directory(),
        0,
        "Seeding put "
            + fill.rows()
            + " of "
            + fill.requested()
            + " rows into "
            + fill.table()
            + ": "
            + fill.reason()
            + ". "
            + consequence);
  }
}

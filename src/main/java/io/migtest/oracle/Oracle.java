package io.migtest.oracle;

import io.migtest.db.ScratchDatabase;
import io.migtest.db.ScriptRunner;
import java.util.List;

/**
 * Something that judges a migrated database: SQL test files, pgTAP files, the team's test command.
 * The apply gate asks every oracle once; the mutation gate will ask them again for each mutant and
 * compare the verdicts.
 */
public interface Oracle {
  /** Judges {@code database}, leaving it as it was; failing tests are results, not exceptions. */
  List<TestResult> judge(ScratchDatabase database, ScriptRunner runner);
}

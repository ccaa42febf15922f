package io.migtest.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.migration.Migration;
import io.migtest.migration.Version;
import io.migtest.mutation.operators.Operators;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's reuse rules: which kept results a later run may trust. */
class MutationStateTest {
  private static final String INPUTS = "inputs-1";
  private static final TestContents TESTS =
      new TestContents(Map.of("db/tests/a.sql", "hash-a", "db/tests/b.sql", "hash-b"), true);

  private final List<Mutant> mutants =
      new MutantGenerator(Operators.ALL, o -> true)
          .generate(
              List.of(
                  new Migration(
                      "1",
                      Version.parse("1"),
                      "t",
                      SqlScript.of(
                          "db/migrations/1.up.sql",
                          "CREATE TABLE t (a int NOT NULL);\n",
                          TransactionMode.SINGLE_TRANSACTION),
                      SqlScript.of(
                          "db/migrations/1.down.sql",
                          "DROP TABLE t;\n",
                          TransactionMode.SINGLE_TRANSACTION),
                      false)));
  private final Mutant up = mutants.stream().filter(m -> m.part() == Part.UP).findFirst().get();
  private final Mutant down = mutants.stream().filter(m -> m.part() == Part.DOWN).findFirst().get();

  @Test
  void aKillByATestHoldsWhileThatTestIsUnchanged() {
    MutationState state = MutationState.empty();
    state.record(result(up, MutantStatus.KILLED, "test:db/tests/a.sql"), INPUTS, TESTS);

    TestContents otherTestChanged =
        new TestContents(Map.of("db/tests/a.sql", "hash-a", "db/tests/b.sql", "new"), true);
    TestContents killerChanged =
        new TestContents(Map.of("db/tests/a.sql", "new", "db/tests/b.sql", "hash-b"), true);

    assertThat(state.reuse(up, INPUTS, otherTestChanged)).isPresent();
    assertThat(state.reuse(up, INPUTS, killerChanged)).isEmpty();
    assertThat(state.reuse(up, "inputs-2", TESTS)).as("a migration changed").isEmpty();
  }

  @Test
  void aSurvivorOfAnUpScriptHoldsOnlyWhileEveryTestIsUnchangedAndKnown() {
    MutationState state = MutationState.empty();
    state.record(result(up, MutantStatus.SURVIVED, null), INPUTS, TESTS);

    TestContents oneChanged =
        new TestContents(Map.of("db/tests/a.sql", "hash-a", "db/tests/b.sql", "new"), true);
    TestContents withATestCommand = new TestContents(TESTS.byName(), false);

    assertThat(state.reuse(up, INPUTS, TESTS))
        .get()
        .extracting(MutantResult::status)
        .isEqualTo(MutantStatus.SURVIVED);
    assertThat(state.reuse(up, INPUTS, oneChanged)).isEmpty();
    assertThat(state.reuse(up, INPUTS, withATestCommand)).isEmpty();
  }

  @Test
  void nothingATestCommandJudgedIsKeptSinceItsFilesAreNotKnown() {
    MutationState state = MutationState.empty();
    TestContents withATestCommand = new TestContents(TESTS.byName(), false);
    state.record(result(up, MutantStatus.SURVIVED, null), INPUTS, withATestCommand);

    assertThat(state.entries()).isEmpty();
  }

  @Test
  void downScriptResultsComeFromMigtestsChecksAndHoldWhateverTheTests() {
    MutationState state = MutationState.empty();
    state.record(result(down, MutantStatus.SURVIVED, null), INPUTS, TESTS);

    assertThat(state.reuse(down, INPUTS, new TestContents(Map.of(), false))).isPresent();
  }

  @Test
  void infrastructureErrorsAreNeverKept() {
    MutationState state = MutationState.empty();
    state.record(result(up, MutantStatus.ERROR, null), INPUTS, TESTS);

    assertThat(state.reuse(up, INPUTS, TESTS)).isEmpty();
  }

  private static MutantResult result(Mutant mutant, MutantStatus status, String killedBy) {
    return new MutantResult(mutant, status, killedBy, "detail");
  }
}

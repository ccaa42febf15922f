package io.migtest.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Workers start the next migration's shared work while the current migration's mutants run, and
 * every mutant runs exactly once.
 */
class RunOrderTest {
  @Test
  void theFirstMutantOfTheNextGroupComesBeforeTheRestOfAGroup() {
    List<Mutant> mutants =
        List.of(
            mutant(0, Part.UP),
            mutant(0, Part.UP),
            mutant(0, Part.UP),
            mutant(0, Part.DOWN),
            mutant(0, Part.DOWN),
            mutant(1, Part.UP),
            mutant(1, Part.UP));

    assertThat(RunOrder.of(mutants)).containsExactly(0, 3, 1, 2, 5, 4, 6);
  }

  @Test
  void aSingleGroupKeepsItsOrderAndNoMutantsGiveNoOrder() {
    assertThat(RunOrder.of(List.of(mutant(0, Part.UP), mutant(0, Part.UP)))).containsExactly(0, 1);
    assertThat(RunOrder.of(List.of())).isEmpty();
  }

  private static Mutant mutant(int migration, Part part) {
    return new Mutant(
        "m", null, migration, part, "f.sql", 1, 1, 1, 0, "", null, Set.of(), null, null);
  }
}

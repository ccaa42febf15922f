package io.migtest.mutation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order workers take mutants in. The mutants of one migration's up script, or of its down
 * script, share work that the first of them builds (the state before the migration, the checks that
 * it fits a rolled-back transaction, the re-print guard, the original down's outcome), and a worker
 * taking the second of them meanwhile would wait for it. So the first mutant of the next group
 * comes before the rest of a group: one worker builds the next group's shared work while the others
 * run the mutants of the current one.
 */
public final class RunOrder {
  private RunOrder() {}

  /** The positions of {@code mutants} in the order to run them. */
  public static List<Integer> of(List<Mutant> mutants) {
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < mutants.size(); i++) {
      Mutant mutant = mutants.get(i);
      groups
          .computeIfAbsent(mutant.migration() + ":" + mutant.part(), key -> new ArrayList<>())
          .add(i);
    }
    List<List<Integer>> ordered = new ArrayList<>(groups.values());
    List<Integer> order = new ArrayList<>(mutants.size());
    if (!ordered.isEmpty()) {
      order.add(ordered.get(0).get(0));
    }
    for (int g = 0; g < ordered.size(); g++) {
      if (g + 1 < ordered.size()) {
        order.add(ordered.get(g + 1).get(0));
      }
      order.addAll(ordered.get(g).subList(1, ordered.get(g).size()));
    }
    return order;
  }
}

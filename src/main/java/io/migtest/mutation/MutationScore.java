package io.migtest.mutation;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of a run (MUTATION-CATALOG): detected (KILLED + TIMEOUT) over counted (those plus
 * SURVIVED and NO_COVERAGE), in percent; null when no mutant counts, which is never 100%.
 *
 * @param covered the same over the mutants some test covers (without NO_COVERAGE)
 * @param fromTests what the project's own tests killed, without migtest's built-in checks
 * @param byCategory the score of each category that has counted mutants
 */
public record MutationScore(
    Map<MutantStatus, Integer> counts,
    Double score,
    Double covered,
    Double fromTests,
    Map<Category, Double> byCategory) {

  /**
   * One mutant as the score sees it: its category, status and whether the user's tests killed it.
   */
  public record Scored(Category category, MutantStatus status, boolean byTests) {}

  public static MutationScore of(List<MutantResult> results) {
    return ofScored(
        results.stream()
            .map(r -> new Scored(r.mutant().operator().category(), r.status(), r.killedByTests()))
            .toList());
  }

  /** The scores of mutants known by category, status and killer (merged shard reports). */
  public static MutationScore ofScored(List<Scored> mutants) {
    Map<MutantStatus, Integer> counts = new EnumMap<>(MutantStatus.class);
    mutants.forEach(m -> counts.merge(m.status(), 1, Integer::sum));
    int counted = (int) mutants.stream().filter(m -> m.status().counted()).count();
    int detected = (int) mutants.stream().filter(m -> m.status().detected()).count();
    int covered = counted - counts.getOrDefault(MutantStatus.NO_COVERAGE, 0);
    int byTests = (int) mutants.stream().filter(Scored::byTests).count();
    Map<Category, Double> byCategory = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      List<Scored> of = mutants.stream().filter(m -> m.category() == category).toList();
      int c = (int) of.stream().filter(m -> m.status().counted()).count();
      if (c > 0) {
        byCategory.put(
            category, percent((int) of.stream().filter(m -> m.status().detected()).count(), c));
      }
    }
    return new MutationScore(
        counts,
        counted == 0 ? null : percent(detected, counted),
        covered == 0 ? null : percent(detected, covered),
        counted == 0 ? null : percent(byTests, counted),
        byCategory);
  }

  private static double percent(int part, int whole) {
    return Math.round(1000.0 * part / whole) / 10.0;
  }

  public int count(MutantStatus status) {
    return counts.getOrDefault(status, 0);
  }
}

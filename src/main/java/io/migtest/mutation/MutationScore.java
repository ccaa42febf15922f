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

  public static MutationScore of(List<MutantResult> results) {
    Map<MutantStatus, Integer> counts = new EnumMap<>(MutantStatus.class);
    results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
    int counted = results.stream().mapToInt(r -> r.status().counted() ? 1 : 0).sum();
    int detected = results.stream().mapToInt(r -> r.status().detected() ? 1 : 0).sum();
    int covered = counted - counts.getOrDefault(MutantStatus.NO_COVERAGE, 0);
    int byTests = (int) results.stream().filter(MutantResult::killedByTests).count();
    Map<Category, Double> byCategory = new LinkedHashMap<>();
    for (Category category : Category.values()) {
      List<MutantResult> of =
          results.stream().filter(r -> r.mutant().operator().category() == category).toList();
      int c = of.stream().mapToInt(r -> r.status().counted() ? 1 : 0).sum();
      if (c > 0) {
        byCategory.put(
            category, percent(of.stream().mapToInt(r -> r.status().detected() ? 1 : 0).sum(), c));
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

package io.migtest.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migtest.mutation.Category;
import io.migtest.mutation.Excerpt;
import io.migtest.mutation.MutantResult;
import io.migtest.mutation.MutantStatus;
import io.migtest.mutation.MutationScore;
import java.util.List;
import java.util.Map;

/**
 * The {@code mutation} section of {@code report.json} (PRODUCT.md section 7): the score, the
 * threshold, the counts by status and every mutant.
 *
 * @param score in percent; null when no mutant counts
 * @param coveredScore the score over mutants some test covers
 * @param scoreFromTests what the project's own tests killed, without migtest's built-in checks
 * @param sources the text of each mutated file, by path, for the Stryker report (not in
 *     report.json)
 */
@JsonPropertyOrder({
  "score",
  "threshold",
  "counts",
  "coveredScore",
  "scoreFromTests",
  "categories",
  "mutants"
})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MutationOutcome(
    Double score,
    double threshold,
    Map<MutantStatus, Integer> counts,
    Double coveredScore,
    Double scoreFromTests,
    Map<Category, Double> categories,
    List<Entry> mutants,
    @JsonIgnore Map<String, String> sources) {

  public MutationOutcome {
    // Read back from report.json, the sources (kept out of it) are absent.
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /**
   * One mutant as reports show it.
   *
   * @param killedBy what killed it ({@code test:<file>}, {@code gate:rollback}), else null
   * @param suggestedTest the kind of test that kills this operator's mutants
   */
  @JsonPropertyOrder({
    "id",
    "operator",
    "category",
    "severity",
    "file",
    "line",
    "endLine",
    "endColumn",
    "status",
    "change",
    "original",
    "mutated",
    "excerpt",
    "killedBy",
    "detail",
    "suggestedTest"
  })
  public record Entry(
      String id,
      String operator,
      Category category,
      String severity,
      String file,
      int line,
      int endLine,
      int endColumn,
      MutantStatus status,
      String change,
      String original,
      String mutated,
      Excerpt excerpt,
      String killedBy,
      String detail,
      String suggestedTest) {
    static Entry of(MutantResult result) {
      var mutant = result.mutant();
      return new Entry(
          mutant.id(),
          mutant.operator().id(),
          mutant.operator().category(),
          mutant.operator().impact().name(),
          mutant.file(),
          mutant.line(),
          mutant.endLine(),
          mutant.endColumn(),
          result.status(),
          mutant.mutation().change(),
          mutant.original(),
          mutant.mutated(),
          mutant.excerpt(),
          result.killedBy(),
          result.detail(),
          mutant.operator().killedBy());
    }
  }

  static MutationOutcome of(
      MutationScore score,
      double threshold,
      List<MutantResult> results,
      Map<String, String> sources) {
    return ofEntries(score, threshold, results.stream().map(Entry::of).toList(), sources);
  }

  /** The section of {@code mutants} already in report form (shard reports merged). */
  public static MutationOutcome ofEntries(
      MutationScore score, double threshold, List<Entry> mutants, Map<String, String> sources) {
    return new MutationOutcome(
        score.score(),
        threshold,
        score.counts(),
        score.covered(),
        score.fromTests(),
        score.byCategory(),
        mutants,
        sources);
  }
}

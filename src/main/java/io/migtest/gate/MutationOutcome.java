package io.migtest.gate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migtest.mutation.Category;
import io.migtest.mutation.Excerpt;
import io.migtest.mutation.MutantResult;
import io.migtest.mutation.MutantStatus;
import io.migtest.mutation.MutationScore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The {@code mutation} section of {@code report.json} (PRODUCT.md section 7): the score, the
 * threshold, the counts by status and every mutant.
 *
 * @param score in percent; null when no mutant counts
 * @param coveredScore the score over mutants some test covers
 * @param scoreFromTests what the project's own tests killed, without migtest's built-in checks
 * @param shard the slice a sharded run judged, or null for a whole run
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
  "mutants",
  "shard"
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
    @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard,
    @JsonIgnore Map<String, String> sources) {

  public MutationOutcome {
    // Read back from report.json, the sources (kept out of it) are absent.
    sources = sources == null ? Map.of() : Map.copyOf(sources);
  }

  /**
   * Which slice of a run's mutants a sharded run judged ({@code --shard index/count}), so that
   * {@code migtest report merge} can tell a missing, repeated or foreign shard.
   *
   * @param total the mutants of the whole run
   * @param run a digest of the whole run's mutant ids: equal for the shards of one run
   */
  public record Shard(int index, int count, int total, String run) {
    /** The shard {@code index/count} of a run of the mutants {@code ids}. */
    public static Shard of(int index, int count, List<String> ids) {
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ids.stream()
            .sorted()
            .forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
        return new Shard(index, count, ids.size(), HexFormat.of().formatHex(sha.digest()));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every JVM has SHA-256", e);
      }
    }
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
      Shard shard,
      Map<String, String> sources) {
    return section(score, threshold, results.stream().map(Entry::of).toList(), shard, sources);
  }

  /** The section of a whole run from {@code mutants} already in report form (shards merged). */
  public static MutationOutcome ofEntries(
      MutationScore score, double threshold, List<Entry> mutants, Map<String, String> sources) {
    return section(score, threshold, mutants, null, sources);
  }

  private static MutationOutcome section(
      MutationScore score,
      double threshold,
      List<Entry> mutants,
      Shard shard,
      Map<String, String> sources) {
    return new MutationOutcome(
        score.score(),
        threshold,
        score.counts(),
        score.covered(),
        score.fromTests(),
        score.byCategory(),
        mutants,
        shard,
        sources);
  }
}

package io.migtest.gate;

import io.migtest.MigtestException;
import io.migtest.mutation.Category;
import io.migtest.mutation.Operator;
import io.migtest.mutation.operators.Operators;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the mutation gate judges ({@code mutation.*} in migtest.yml).
 *
 * @param threshold the lowest score in percent that passes
 * @param failOnCritical fail on any surviving mutant of a CRITICAL operator, whatever the score
 * @param disabled operator ids and category names turned off (upper case)
 * @param workers how many mutants run at once, each on its own database
 * @param shardIndex which slice of the mutants this run owns (1-based; {@code --shard i/n})
 * @param shardCount how many slices there are; 1 runs every mutant
 * @param stateFile where results are kept for the next run, or null to keep none
 */
public record MutationSettings(
    double threshold,
    boolean failOnCritical,
    Set<String> disabled,
    int workers,
    int shardIndex,
    int shardCount,
    MutationStateFile stateFile) {
  public static final double DEFAULT_THRESHOLD = 80;

  /** Where the state file is kept unless {@code mutation.state-file} says otherwise. */
  public static final String DEFAULT_STATE_FILE = ".migtest/state.json";

  public MutationSettings {
    disabled = Set.copyOf(disabled);
  }

  public static MutationSettings defaults() {
    return new MutationSettings(
        DEFAULT_THRESHOLD, false, Set.of(), Runtime.getRuntime().availableProcessors(), 1, 1, null);
  }

  /**
   * The disabled entries of {@code mutation.disable}, each an operator id or a category; anything
   * else is a configuration error naming it.
   */
  public static Set<String> disabledEntries(List<String> entries, String source) {
    Set<String> known = Operators.ALL.stream().map(Operator::id).collect(Collectors.toSet());
    Arrays.stream(Category.values()).forEach(c -> known.add(c.name()));
    for (String entry : entries) {
      if (!known.contains(entry.strip().toUpperCase(Locale.ROOT))) {
        throw MigtestException.usage(
            source
                + ": mutation.disable names `"
                + entry.strip()
                + "`, which is neither an operator id (`migtest mutants` lists them) nor a"
                + " category (SCHEMA, DATA, ROLLBACK, PERFORMANCE).");
      }
    }
    return entries.stream()
        .map(e -> e.strip().toUpperCase(Locale.ROOT))
        .collect(Collectors.toSet());
  }

  /**
   * Whether the mutant {@code id} belongs to this run's slice: by its stable id, so every runner of
   * a matrix picks the same slices and together they run each mutant once.
   */
  public boolean inShard(String id) {
    return shardCount == 1
        || Long.remainderUnsigned(Long.parseUnsignedLong(id.substring(0, 12), 16), shardCount)
            == shardIndex - 1;
  }

  /** Whether {@code operator} runs: neither it nor its category is disabled. */
  public boolean enabled(Operator operator) {
    return !disabled.contains(operator.id()) && !disabled.contains(operator.category().name());
  }
}

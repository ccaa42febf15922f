package io.migtest.mutation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier runs learned about mutants, by mutant id, and when it still holds (the catalog's
 * reuse rules, after PIT's incremental analysis and Stryker's): every result only on the inputs it
 * ran on (the migrations, the server, migtest's mutation version); a kill by a test only while that
 * test is unchanged; a survivor of an up script only while every test is. Infrastructure errors and
 * duplicates are never kept.
 */
public final class MutationState {
  private static final String TEST = "test:";

  /**
   * One mutant's result and what it depended on.
   *
   * @param inputs what the mutant ran on ({@link MutationEngine#inputsOf})
   * @param tests the killing test's hash for a kill by a test, the hash of every test for a
   *     survivor of an up script, else null
   */
  public record Entry(
      String inputs, MutantStatus status, String killedBy, String detail, String tests) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** A state that knows nothing. */
  public static MutationState empty() {
    return new MutationState();
  }

  /** A state with {@code entries}, by mutant id. */
  public static MutationState of(Map<String, Entry> entries) {
    MutationState state = new MutationState();
    state.entries.putAll(entries);
    return state;
  }

  /** The entries by mutant id, in id order. */
  public Map<String, Entry> entries() {
    return new TreeMap<>(entries);
  }

  /** Forgets the mutants not in {@code ids}: those of migrations that changed or are gone. */
  public void retainOnly(java.util.Set<String> ids) {
    entries.keySet().retainAll(ids);
  }

  /** The result an earlier run found for {@code mutant}, when it still holds. */
  public Optional<MutantResult> reuse(Mutant mutant, String inputs, TestContents tests) {
    Entry entry = entries.get(mutant.id());
    if (entry == null || !entry.inputs().equals(inputs) || !keepable(entry.status())) {
      return Optional.empty();
    }
    String expected = testsHash(mutant, entry.status(), entry.killedBy(), tests);
    if (dependsOnTests(mutant, entry.status(), entry.killedBy())
        && (expected == null || !expected.equals(entry.tests()))) {
      return Optional.empty();
    }
    return Optional.of(new MutantResult(mutant, entry.status(), entry.killedBy(), entry.detail()));
  }

  /** Keeps {@code result}, when it is a result a later run may reuse. */
  public void record(MutantResult result, String inputs, TestContents tests) {
    Mutant mutant = result.mutant();
    if (!keepable(result.status())) {
      return;
    }
    String hash = testsHash(mutant, result.status(), result.killedBy(), tests);
    if (dependsOnTests(mutant, result.status(), result.killedBy()) && hash == null) {
      return;
    }
    entries.put(
        mutant.id(), new Entry(inputs, result.status(), result.killedBy(), result.detail(), hash));
  }

  private static boolean keepable(MutantStatus status) {
    return status != MutantStatus.ERROR && status != MutantStatus.IGNORED;
  }

  private static boolean dependsOnTests(Mutant mutant, MutantStatus status, String killedBy) {
    return status == MutantStatus.KILLED
        ? killedBy != null && killedBy.startsWith(TEST)
        : mutant.part() == Part.UP
            && (status == MutantStatus.SURVIVED || status == MutantStatus.NO_COVERAGE);
  }

  private static String testsHash(
      Mutant mutant, MutantStatus status, String killedBy, TestContents tests) {
    if (!dependsOnTests(mutant, status, killedBy)) {
      return null;
    }
    return status == MutantStatus.KILLED
        ? tests.of(killedBy.substring(TEST.length()))
        : tests.all();
  }
}

package io.migtest.gate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which gates run and what their failures do, as configured.
 *
 * @param modes the modes configured explicitly; a gate not in it blocks
 * @param selected the gates asked for with {@code --gates}, or null for all
 * @param selectedBy where the selection came from ({@code --gates}, {@code migtest lint}, the
 *     action's {@code gates} input), for the gates it leaves out
 * @param lintDatabase whether the lint gate builds the base state to read its catalog even when no
 *     other gate needs a database ({@code lint.database}, set by {@code migtest lint} when given a
 *     database)
 * @param performance how the performance gate measures and judges
 * @param data how the data gate seeds
 * @param apply what the apply gate checks besides applying
 * @param mutation how the mutation gate judges
 */
public record GatePlan(
    Map<GateId, GateMode> modes,
    List<GateId> selected,
    String selectedBy,
    boolean lintDatabase,
    PerformanceSettings performance,
    DataSettings data,
    ApplySettings apply,
    MutationSettings mutation) {

  /** Every gate runs and blocks. */
  public static final GatePlan ALL =
      new GatePlan(
          Map.of(),
          null,
          null,
          false,
          PerformanceSettings.defaults(Path.of("")),
          DataSettings.defaults(Path.of("")),
          ApplySettings.defaults(Path.of("")),
          MutationSettings.defaults());

  public GatePlan {
    modes = Map.copyOf(modes);
    selected = selected == null ? null : List.copyOf(selected);
  }

  public GateMode mode(GateId gate) {
    return modes.getOrDefault(gate, GateMode.BLOCK);
  }

  /** True when {@code gate} should run: selected (or no selection) and not off. */
  public boolean runs(GateId gate) {
    return mode(gate) != GateMode.OFF && (selected == null || selected.contains(gate));
  }

  /**
   * Whether the lint gate reads the base state's catalog: when asked to, or when another gate that
   * runs starts a database anyway (every gate but lint needs one).
   */
  public boolean lintReadsDatabase() {
    return lintDatabase
        || java.util.Arrays.stream(GateId.values())
            .anyMatch(gate -> gate != GateId.LINT && runs(gate));
  }

  /**
   * Whether the gates that run migrations (rollback, data, mutation, performance) run without the
   * apply gate, which would otherwise report a migration that does not apply: they only note that
   * they stopped there.
   */
  boolean migrationsRunWithoutApply() {
    return !runs(GateId.APPLY)
        && Stream.of(GateId.ROLLBACK, GateId.DATA, GateId.MUTATION, GateId.PERFORMANCE)
            .anyMatch(this::runs);
  }

  /** Why {@code gate} does not run, for the gates table. */
  String whySkipped(GateId gate) {
    return selected != null && !selected.contains(gate)
        ? "not selected (" + selectedBy + ")"
        : "off in the configuration";
  }
}

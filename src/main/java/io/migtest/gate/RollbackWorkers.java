package io.migtest.gate;

import io.migtest.migration.Callbacks;
import io.migtest.migration.Migration;
import io.migtest.sql.ClusterWideStatements;
import io.migtest.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the rollback gate splits the new migrations over databases checked at once: consecutive
 * slices of at least {@link #MIN_SLICE} migrations, one per core. Roles and tablespaces belong to
 * the server, which all scratch databases share: when a new migration or a callback changes them,
 * the slices would collide (one creates the role another's start state already has), so everything
 * is checked on one database, one migration after the other.
 *
 * @param slices the consecutive ranges of new migrations, in order
 * @param sharedBy the script that changes the server's roles or tablespaces, when one does
 */
record RollbackWorkers(List<Slice> slices, Optional<String> sharedBy) {
  /** Fewer migrations than this are not worth a template of their own. */
  static final int MIN_SLICE = 3;

  /** New migrations {@code from} (inclusive) to {@code to} (exclusive). */
  record Slice(int from, int to) {}

  static RollbackWorkers plan(List<Migration> fresh, Callbacks callbacks, int cores) {
    Optional<String> shared = serverWide(fresh, callbacks);
    int count = shared.isPresent() ? 1 : Math.max(1, Math.min(cores, fresh.size() / MIN_SLICE));
    List<Slice> slices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slices.add(new Slice(fresh.size() * i / count, fresh.size() * (i + 1) / count));
    }
    return new RollbackWorkers(slices, shared);
  }

  /**
   * The first script of the new migrations (up or down) or of the callbacks that changes roles,
   * tablespaces or the server's settings: work on several databases of the server at once must then
   * run one at a time (the mutation gate's workers too).
   */
  static Optional<String> serverWide(List<Migration> fresh, Callbacks callbacks) {
    return Stream.concat(
            fresh.stream().flatMap(m -> Stream.of(m.up(), m.down())),
            callbacks.all().stream().map(Callbacks.Callback::script))
        .filter(script -> script != null && ClusterWideStatements.in(script.text()))
        .map(SqlScript::file)
        .findFirst();
  }

  /** For the gate's summary: how the work was shared, or why it was not. */
  String describe() {
    if (sharedBy.isPresent()) {
      return " one after the other on one database (`"
          + sharedBy.get()
          + "` changes roles or tablespaces, which all databases of the server share)";
    }
    return slices.size() == 1 ? "" : " on " + slices.size() + " databases at once";
  }
}

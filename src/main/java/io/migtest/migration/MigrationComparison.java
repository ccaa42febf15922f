package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The head's migrations compared with the base branch's: which are new or changed, and which
 * changes would surprise the tool in production (an edited migration, a new one ordered before the
 * base's newest).
 *
 * @param base the base branch's history, or null when there is no base: then every migration is new
 */
public record MigrationComparison(
    MigrationHistory head, MigrationHistory base, String baseRef, List<Finding> findings) {

  /** No base branch: every migration counts as new. */
  public static MigrationComparison withoutBase(MigrationHistory head) {
    return new MigrationComparison(head, null, null, List.of());
  }

  /** Compares {@code head} with {@code base}. */
  public static MigrationComparison compare(
      MigrationHistory head, MigrationHistory base, String baseRef) {
    Map<String, Migration> baseById = new HashMap<>();
    base.migrations().forEach(m -> baseById.put(m.id(), m));
    Optional<Version> newestBase =
        base.migrations().stream()
            .filter(m -> !m.repeatable())
            .map(Migration::version)
            .max(Version::compareTo);
    List<Finding> findings = new ArrayList<>();
    for (Migration migration : head.migrations()) {
      if (migration.repeatable()) {
        continue;
      }
      Migration before = baseById.get(migration.id());
      if (before != null
          && head.layout().validatesHistory()
          && !before.description().equals(migration.description())) {
        findings.add(
            edited(
                migration,
                baseRef,
                " as "
                    + before.file()
                    + " and was renamed: Flyway's validate fails on the description mismatch."
                    + " Keep the old name."));
      } else if (before != null && !before.up().checksum().equals(migration.up().checksum())) {
        findings.add(
            edited(
                migration,
                baseRef,
                " and was edited: databases that ran the old text will not run it again."
                    + " Revert the edit and add a new migration instead."));
      } else if (before == null
          && newestBase.isPresent()
          && migration.version().compareTo(newestBase.get()) < 0
          && head.layout().outOfOrder() != OutOfOrder.NOT_VERSIONED) {
        findings.add(outOfOrder(migration, newestBase.get(), baseRef, head.layout()));
      }
    }
    findings.addAll(gaps(head, base));
    Map<String, Migration> headById = new HashMap<>();
    head.migrations().forEach(m -> headById.put(m.id(), m));
    for (Migration gone : base.migrations()) {
      if (!headById.containsKey(gone.id()) && !gone.repeatable()) {
        findings.add(removed(gone, baseRef, head.layout()));
      }
    }
    return new MigrationComparison(head, base, baseRef, List.copyOf(findings));
  }

  /** A migration the base already has that the pull request changed; {@code how} says how. */
  private static Finding edited(Migration migration, String baseRef, String how) {
    return Finding.error(
        RuleId.EDITED_MIGRATION,
        migration.file(),
        0,
        "This migration is already on " + baseRef + how);
  }

  /** A new migration older than the base's newest, as the layout's tool treats it. */
  private static Finding outOfOrder(
      Migration migration, Version newest, String baseRef, Layout layout) {
    String what =
        "Version "
            + migration.version()
            + " is older than "
            + newest
            + ", the newest on "
            + baseRef;
    String fix = " Give it a version after " + newest + ".";
    return switch (layout.outOfOrder()) {
      case REFUSED ->
          Finding.error(
              RuleId.OUT_OF_ORDER,
              migration.file(),
              0,
              what
                  + (layout.validatesHistory()
                      ? ": Flyway refuses to migrate a database that has the newer ones (validate"
                          + " fails) unless outOfOrder is set."
                      : ": "
                          + layout.name()
                          + " refuses to migrate a database that has the newer ones (strict"
                          + " mode).")
                  + fix);
      case NEVER_APPLIED ->
          Finding.error(
              RuleId.OUT_OF_ORDER,
              migration.file(),
              0,
              what
                  + ": "
                  + layout.name()
                  + " only moves up from the database's version, so production would never apply"
                  + " it."
                  + fix);
      default ->
          Finding.info(
              RuleId.OUT_OF_ORDER,
              migration.file(),
              0,
              what
                  + ": "
                  + layout.name()
                  + " applies it after the newer ones"
                  + (layout.validatesHistory() ? " (outOfOrder=true)" : "")
                  + ", so they must not depend on it not existing.");
    };
  }

  /**
   * Holes that the pull request's new migrations leave in a numbering the base keeps consecutive
   * (1, 2, 3 then 5). Timestamped histories and ones that skip numbers on purpose have gaps
   * everywhere, so nothing else is a finding.
   */
  private static List<Finding> gaps(MigrationHistory head, MigrationHistory base) {
    List<Migration> baseVersioned =
        base.migrations().stream().filter(m -> !m.repeatable()).toList();
    if (baseVersioned.isEmpty() || !consecutive(baseVersioned)) {
      return List.of();
    }
    Set<String> baseIds = new HashSet<>();
    baseVersioned.forEach(m -> baseIds.add(m.id()));
    List<Migration> versioned = head.migrations().stream().filter(m -> !m.repeatable()).toList();
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i < versioned.size(); i++) {
      Migration current = versioned.get(i);
      if (baseIds.contains(current.id()) || !current.version().isSequenceNumber()) {
        continue;
      }
      Version previous = versioned.get(i - 1).version();
      if (!previous.isSequenceNumber()) {
        continue;
      }
      BigInteger from = previous.parts().get(0);
      BigInteger to = current.version().parts().get(0);
      if (to.subtract(from).compareTo(BigInteger.ONE) > 0) {
        findings.add(
            Finding.warning(
                RuleId.VERSION_GAP,
                current.file(),
                0,
                "Versions jump from "
                    + from
                    + " to "
                    + to
                    + ", where the base branch numbers without gaps: check that no migration was"
                    + " lost, or number it "
                    + from.add(BigInteger.ONE)
                    + "."));
      }
    }
    return findings;
  }

  private static boolean consecutive(List<Migration> versioned) {
    for (int i = 0; i < versioned.size(); i++) {
      if (!versioned.get(i).version().isSequenceNumber()) {
        return false;
      }
      if (i > 0
          && !versioned
              .get(i)
              .version()
              .parts()
              .get(0)
              .subtract(versioned.get(i - 1).version().parts().get(0))
              .equals(BigInteger.ONE)) {
        return false;
      }
    }
    return true;
  }

  /** A migration the base branch has and the pull request deleted or renamed. */
  private static Finding removed(Migration gone, String baseRef, Layout layout) {
    String what =
        gone.file() + " is on " + baseRef + " but gone from the pull request (deleted or renamed)";
    if (layout.validatesHistory() && !layout.ignoresRemoved()) {
      return Finding.error(
          RuleId.REMOVED_MIGRATION,
          gone.file(),
          0,
          what
              + ": Flyway's validate fails on databases that applied it. Restore it, and change the"
              + " schema with a new migration.");
    }
    return Finding.warning(
        RuleId.REMOVED_MIGRATION,
        gone.file(),
        0,
        what
            + ": databases that applied it keep its history row with no file, and new databases"
            + " never get what it did. Restore it, and change the schema with a new migration.");
  }

  /** True when {@code migration} is not on the base branch, or differs from it. */
  public boolean isNew(Migration migration) {
    if (base == null) {
      return true;
    }
    return base.migrations().stream()
        .noneMatch(
            m ->
                m.id().equals(migration.id())
                    && m.up().checksum().equals(migration.up().checksum()));
  }

  /** The migrations a gate checks: those {@link #toApplyOnBase()}, or every one without a base. */
  public List<Migration> toCheck() {
    return base == null ? head.migrations() : toApplyOnBase();
  }

  /** The base branch's migrations, none without a base. */
  public List<Migration> baseMigrations() {
    return base == null ? List.of() : base.migrations();
  }

  /**
   * What runs on top of the base branch's state: migrations the base does not have, and repeatable
   * ones that changed. An edited migration is not run again, as in production.
   */
  public List<Migration> toApplyOnBase() {
    return head.migrations().stream()
        .filter(
            m ->
                isNew(m)
                    && (m.repeatable()
                        || base.migrations().stream().noneMatch(b -> b.id().equals(m.id()))))
        .toList();
  }
}

package io.migtest.lint;

import java.util.ArrayList;
import java.util.List;

/**
 * A table lock a statement takes, predicted from its text as PostgreSQL 12 to 17 take them ({@code
 * AlterTableGetLockLevel} and the reference pages of each command; the strongest mode of an ALTER
 * TABLE's actions applies to the whole statement).
 */
public record TableLock(QualifiedName table, LockMode mode) {

  /** The table locks of {@code t}, strongest per table; empty for statements that take none. */
  public static List<TableLock> of(Tokens t) {
    return t.derived(TableLock.class, TableLock::read);
  }

  private static List<TableLock> read(Tokens t) {
    List<TableLock> locks = new ArrayList<>();
    var alter = AlterTable.of(t);
    if (alter.isPresent()) {
      LockMode strongest = LockMode.ACCESS_SHARE;
      for (Tokens action : alter.get().actions()) {
        LockMode mode = alterAction(action);
        strongest = mode.compareTo(strongest) > 0 ? mode : strongest;
        int references = action.find(0, "references");
        if (references >= 0 && action.nameAt(references + 1) != null) {
          locks.add(new TableLock(action.nameAt(references + 1), LockMode.SHARE_ROW_EXCLUSIVE));
        }
      }
      locks.add(0, new TableLock(alter.get().table(), strongest));
      return List.copyOf(locks);
    }
    if (t.startsWith("create", "index") || t.startsWith("create", "unique", "index")) {
      int on = t.find(0, "on");
      int name = t.matchesAt(on + 1, "only") ? on + 2 : on + 1;
      add(
          locks,
          t.nameAt(name),
          t.has("concurrently") ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE);
    } else if (t.startsWith("drop", "index")) {
      int name = t.matchesAt(2, "concurrently") ? 3 : 2;
      name = t.skipIfExists(name);
      add(
          locks,
          t.nameAt(name),
          t.matchesAt(2, "concurrently")
              ? LockMode.SHARE_UPDATE_EXCLUSIVE
              : LockMode.ACCESS_EXCLUSIVE);
    } else if (t.startsWith("drop", "table")) {
      for (Tokens name : t.from(t.skipIfExists(2)).splitAtTopLevelCommas()) {
        add(locks, name.nameAt(0), LockMode.ACCESS_EXCLUSIVE);
      }
    } else if (t.startsWith("truncate")) {
      int i = t.matchesAt(1, "table") ? 2 : 1;
      for (Tokens name : t.from(i).splitAtTopLevelCommas()) {
        add(locks, name.nameAt(name.matchesAt(0, "only") ? 1 : 0), LockMode.ACCESS_EXCLUSIVE);
      }
    } else if (t.startsWith("lock")) {
      int i = t.matchesAt(1, "table") ? 2 : 1;
      i = t.matchesAt(i, "only") ? i + 1 : i;
      add(locks, t.nameAt(i), explicitMode(t));
    } else if (t.startsWith("vacuum") && t.has("full") || t.startsWith("cluster")) {
      add(locks, t.nameAt(t.size() - 1), LockMode.ACCESS_EXCLUSIVE);
    } else if (t.startsWith("refresh", "materialized", "view")) {
      boolean concurrently = t.matchesAt(3, "concurrently");
      add(
          locks,
          t.nameAt(concurrently ? 4 : 3),
          concurrently ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
    } else if (t.startsWith("create", "trigger")
        || t.startsWith("create", "or", "replace", "trigger")) {
      int on = t.find(0, "on");
      add(locks, t.nameAt(on + 1), LockMode.SHARE_ROW_EXCLUSIVE);
    } else if (t.startsWith("update")) {
      add(locks, t.nameAt(t.matchesAt(1, "only") ? 2 : 1), LockMode.ROW_EXCLUSIVE);
    } else if (t.startsWith("insert", "into") || t.startsWith("delete", "from")) {
      add(locks, t.nameAt(t.matchesAt(2, "only") ? 3 : 2), LockMode.ROW_EXCLUSIVE);
    }
    return List.copyOf(locks);
  }

  private static LockMode alterAction(Tokens action) {
    if (action.startsWith("validate", "constraint")
        || action.startsWith("cluster", "on")
        || action.startsWith("set", "without", "cluster")
        || action.startsWith("set", "(")
        || action.startsWith("reset", "(")
        || action.startsWith("attach", "partition")
        || action.startsWith("detach", "partition") && action.has("concurrently")
        || action.startsWith("detach", "partition") && action.has("finalize")
        || action.startsWith("alter") && action.has("set", "statistics")) {
      return LockMode.SHARE_UPDATE_EXCLUSIVE;
    }
    if (action.startsWith("add", "foreign", "key")
        || action.startsWith("add", "constraint") && action.has("foreign", "key")
        || action.startsWith("enable") && action.has("trigger")
        || action.startsWith("disable") && action.has("trigger")) {
      return LockMode.SHARE_ROW_EXCLUSIVE;
    }
    return LockMode.ACCESS_EXCLUSIVE;
  }

  private static LockMode explicitMode(Tokens t) {
    int in = t.find(0, "in");
    if (in < 0) {
      return LockMode.ACCESS_EXCLUSIVE;
    }
    String mode =
        t.from(in + 1)
            .toString()
            .replace(" mode", "")
            .toUpperCase(java.util.Locale.ROOT)
            .replace(' ', '_');
    for (LockMode m : LockMode.values()) {
      if (m.name().equals(mode)) {
        return m;
      }
    }
    return LockMode.ACCESS_EXCLUSIVE;
  }

  private static void add(List<TableLock> locks, QualifiedName table, LockMode mode) {
    if (table != null) {
      locks.add(new TableLock(table, mode));
    }
  }
}

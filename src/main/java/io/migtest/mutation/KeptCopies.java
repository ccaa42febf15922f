package io.migtest.mutation;

import io.migtest.db.RolledBackSession;
import io.migtest.db.ScratchDatabase;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies of history states kept between mutants for savepoint isolation: a worker takes a copy of
 * the state it needs (or makes one), works inside a transaction that is rolled back, and gives the
 * copy back for the next mutant of the same state, with its connection still open (a new server
 * process per mutant, with its catalog caches cold, cost more than the mutant's own work). A copy
 * whose work failed is dropped, never reused.
 */
final class KeptCopies implements AutoCloseable {
  /** Copies kept waiting at most, beyond the ones in use. */
  private static final int MAX_IDLE = 8;

  /** Work on a database that may throw what a connection throws. */
  @FunctionalInterface
  interface Work<T> {
    T on(ScratchDatabase db) throws SQLException;
  }

  /** Makes a new copy of a state. */
  @FunctionalInterface
  interface Copier {
    ScratchDatabase copy() throws SQLException;
  }

  /** A copy and the session kept open on it. */
  private record Copy(ScratchDatabase database, RolledBackSession session) {
    void close() {
      try {
        session.close();
      } catch (SQLException e) {
        // The copy is dropped next, which ends its sessions anyway.
      } finally {
        database.close();
      }
    }
  }

  private final Map<String, Deque<Copy>> idle = new LinkedHashMap<>();

  /** Runs {@code work} on a copy of the state {@code key} in a transaction that is rolled back. */
  <T> T rolledBack(String key, Copier copier, Work<T> work) throws SQLException {
    Copy copy = take(key);
    if (copy == null) {
      copy = open(copier.copy());
    }
    boolean intact = false;
    try {
      T result = work.on(copy.session().begin());
      copy.session().rollBack();
      intact = true;
      return result;
    } finally {
      if (intact) {
        give(key, copy);
      } else {
        copy.close();
      }
    }
  }

  private static Copy open(ScratchDatabase database) throws SQLException {
    try {
      return new Copy(database, RolledBackSession.open(database));
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private Copy take(String key) {
    synchronized (idle) {
      Deque<Copy> copies = idle.get(key);
      return copies == null ? null : copies.pollFirst();
    }
  }

  /** Keeps {@code copy}; the copies of the states used longest ago go when too many wait. */
  private void give(String key, Copy copy) {
    List<Copy> dropped = new ArrayList<>();
    synchronized (idle) {
      idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(copy);
      int waiting = idle.values().stream().mapToInt(Deque::size).sum();
      Iterator<Map.Entry<String, Deque<Copy>>> oldest = idle.entrySet().iterator();
      while (waiting > MAX_IDLE && oldest.hasNext()) {
        Map.Entry<String, Deque<Copy>> entry = oldest.next();
        if (!entry.getKey().equals(key)) {
          dropped.addAll(entry.getValue());
          waiting -= entry.getValue().size();
          oldest.remove();
        }
      }
    }
    dropped.forEach(Copy::close);
  }

  /** Drops every copy kept. */
  @Override
  public void close() {
    List<Copy> all = new ArrayList<>();
    synchronized (idle) {
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(Copy::close);
  }
}

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
 * copy back for the next mutant of the same state. A copy whose work failed is dropped, never
 * reused.
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

  private final Map<String, Deque<ScratchDatabase>> idle = new LinkedHashMap<>();

  /** Runs {@code work} on a copy of the state {@code key} in a transaction that is rolled back. */
  <T> T rolledBack(String key, Copier copier, Work<T> work) throws SQLException {
    ScratchDatabase copy = take(key);
    if (copy == null) {
      copy = copier.copy();
    }
    boolean intact = false;
    try {
      T result;
      try (RolledBackSession session = RolledBackSession.open(copy)) {
        result = work.on(session.view());
      }
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

  private ScratchDatabase take(String key) {
    synchronized (idle) {
      Deque<ScratchDatabase> copies = idle.get(key);
      return copies == null ? null : copies.pollFirst();
    }
  }

  /** Keeps {@code copy}; the copies of the states used longest ago go when too many wait. */
  private void give(String key, ScratchDatabase copy) {
    List<ScratchDatabase> dropped = new ArrayList<>();
    synchronized (idle) {
      idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(copy);
      int waiting = idle.values().stream().mapToInt(Deque::size).sum();
      Iterator<Map.Entry<String, Deque<ScratchDatabase>>> oldest = idle.entrySet().iterator();
      while (waiting > MAX_IDLE && oldest.hasNext()) {
        Map.Entry<String, Deque<ScratchDatabase>> entry = oldest.next();
        if (!entry.getKey().equals(key)) {
          dropped.addAll(entry.getValue());
          waiting -= entry.getValue().size();
          oldest.remove();
        }
      }
    }
    dropped.forEach(ScratchDatabase::close);
  }

  /** Drops every copy kept. */
  @Override
  public void close() {
    List<ScratchDatabase> all = new ArrayList<>();
    synchronized (idle) {
      idle.values().forEach(all::addAll);
      idle.clear();
    }
    all.forEach(ScratchDatabase::close);
  }
}

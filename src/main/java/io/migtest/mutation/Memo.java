package io.migtest.mutation;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values computed once per key and kept, each key under a lock of its own: a worker computing the
 * value of one migration never waits for another worker computing another's.
 */
final class Memo<K, V> {
  /** Computes a value; may fail as a database does. */
  @FunctionalInterface
  interface Compute<V> {
    V get() throws SQLException;
  }

  private final Map<K, Object> locks = new ConcurrentHashMap<>();
  private final Map<K, V> values = new ConcurrentHashMap<>();

  /** The value of {@code key}, computed by {@code compute} (never null) on first use. */
  V get(K key, Compute<V> compute) throws SQLException {
    V known = values.get(key);
    if (known != null) {
      return known;
    }
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      known = values.get(key);
      if (known == null) {
        known = compute.get();
        values.put(key, known);
      }
      return known;
    }
  }

  /** The values computed so far, and forgets them. */
  List<V> clear() {
    List<V> all = List.copyOf(values.values());
    values.clear();
    return all;
  }
}

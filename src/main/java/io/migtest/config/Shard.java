package io.migtest.config;

import io.migtest.MigtestException;

/** A slice {@code index/count} of the mutants, for spreading one run over a job matrix. */
public record Shard(int index, int count) {

  /** Parses {@code i/n} with 1 &lt;= i &lt;= n. */
  public static Shard parse(String text, String source) {
    String[] parts = text.strip().split("/");
    try {
      if (parts.length == 2) {
        int index = Integer.parseInt(parts[0]);
        int count = Integer.parseInt(parts[1]);
        if (count >= 1 && index >= 1 && index <= count) {
          return new Shard(index, count);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw MigtestException.usage(
        source + ": '" + text + "' is not a shard; write i/n with 1 <= i <= n, e.g. 2/4.");
  }
}

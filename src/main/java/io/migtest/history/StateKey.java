package io.migtest.history;

import io.migtest.migration.HistoryTable;
import io.migtest.migration.Migration;
import io.migtest.sql.SqlScript;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Content hashes that name states of a history: the state after k migrations is named by a hash
 * chained from the setup scripts, the history table and the first k migrations' ids and texts, so
 * equal content gives an equal key and any change anywhere before gives another.
 */
final class StateKey {
  private StateKey() {}

  /** The keys of the states after 0, 1, ..., n of {@code migrations}. */
  static List<String> chain(
      HistoryTable historyTable, List<SqlScript> setup, List<Migration> migrations) {
    List<String> keys = new ArrayList<>(migrations.size() + 1);
    StringBuilder start = new StringBuilder(historyTable == null ? "-" : historyTable.create());
    setup.forEach(
        script ->
            start.append('\0').append(script.file()).append('\0').append(script.textChecksum()));
    String key = sha256(start.toString());
    keys.add(key);
    for (Migration migration : migrations) {
      key = sha256(key + '\0' + migration.id() + '\0' + migration.up().textChecksum());
      keys.add(key);
    }
    return keys;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

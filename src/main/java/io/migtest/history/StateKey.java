package io.migtest.history;

import io.migtest.migration.Callbacks;
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
 * chained from the setup scripts, the history table, the callbacks that ran with them and the first
 * k migrations' ids and texts, so equal content gives an equal key and any change anywhere before
 * gives another.
 */
final class StateKey {
  private StateKey() {}

  /**
   * The keys of the states after 0, 1, ..., n of {@code migrations}, part way through a migrate
   * with {@code callbacks} (before its closing callbacks): the state after 0 has seen no callback.
   */
  static List<String> chain(
      HistoryTable historyTable,
      List<SqlScript> setup,
      Callbacks callbacks,
      List<Migration> migrations) {
    List<String> keys = new ArrayList<>(migrations.size() + 1);
    StringBuilder start = new StringBuilder(historyTable == null ? "-" : historyTable.create());
    setup.forEach(
        script ->
            start.append('\0').append(script.file()).append('\0').append(script.textChecksum()));
    String key = sha256(start.toString());
    keys.add(key);
    String withCallbacks = digest(callbacks);
    for (Migration migration : migrations) {
      key =
          sha256(
              key + '\0' + migration.id() + '\0' + migration.up().textChecksum() + withCallbacks);
      keys.add(key);
    }
    return keys;
  }

  /**
   * The key of the state a whole migrate leaves, from the key of the state after its last
   * migration: the same without callbacks, since then nothing runs after the migrations.
   */
  static String migrated(String key, Callbacks callbacks) {
    return callbacks.isEmpty() ? key : sha256(key + digest(callbacks) + "\0migrated");
  }

  private static String digest(Callbacks callbacks) {
    StringBuilder digest = new StringBuilder();
    for (Callbacks.Callback callback : callbacks.all()) {
      SqlScript script = callback.script();
      digest
          .append('\0')
          .append(callback.event().id())
          .append('\0')
          .append(script.file())
          .append('\0')
          .append(script.transactionMode())
          .append('\0')
          .append(script.textChecksum());
    }
    return digest.toString();
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

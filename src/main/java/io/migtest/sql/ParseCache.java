package io.migtest.sql;

import io.migtest.fs.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parse outcomes by statement content hash, in a text file that is safe to delete. The file lives
 * in the project ({@code .migtest/cache/}), where a pull request could commit one: it is signed
 * with a key kept outside the project (HMAC-SHA256), and a file whose signature, version or parser
 * does not match is ignored, never trusted.
 */
public final class ParseCache {
  /** Changes when the parser or the format does: an old file is then simply not used. */
  static final String HEADER = "migtest-parse-cache 1 jsqlparser-5.4";

  /** One digest per thread: looking the algorithm up costs more than hashing a statement. */
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("SHA-256 is part of every JDK", e);
            }
          });

  private final byte[] key;

  /**
   * @param key the signing key, from outside the project
   */
  public ParseCache(byte[] key) {
    this.key = key.clone();
  }

  /** The statement's content hash, the cache's key for it. */
  public static String hash(Statement statement) {
    return HexFormat.of()
        .formatHex(SHA_256.get().digest(statement.sql().getBytes(StandardCharsets.UTF_8)));
  }

  /** The outcomes in {@code text}, or none when it is not a file this key signed. */
  public Map<String, ParseOutcome> read(String text) {
    Map<String, ParseOutcome> outcomes = new LinkedHashMap<>();
    int firstBreak = text.indexOf('\n');
    if (firstBreak < 0) {
      return outcomes;
    }
    String first = text.substring(0, firstBreak);
    String body = text.substring(firstBreak + 1);
    if (!first.equals(HEADER + " " + sign(body))) {
      return outcomes;
    }
    for (String line : body.split("\n")) {
      String[] fields = line.split("\t", 2);
      if (fields.length == 2 && isHash(fields[0])) {
        outcomes.put(
            fields[0], fields[1].isEmpty() ? ParseOutcome.PARSED : new ParseOutcome(fields[1]));
      }
    }
    return outcomes;
  }

  private static boolean isHash(String text) {
    if (text.length() != 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** The signed text of {@code outcomes}. */
  public String write(Map<String, ParseOutcome> outcomes) {
    StringBuilder body = new StringBuilder();
    outcomes.forEach(
        (hash, outcome) ->
            body.append(hash)
                .append('\t')
                .append(outcome.parsed() ? "" : oneLine(outcome.failure()))
                .append('\n'));
    return HEADER + " " + sign(body.toString()) + "\n" + body;
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ').replace('\t', ' ');
    return line.isEmpty() ? "not parsed" : line;
  }

  private String sign(String body) {
    return SigningKey.sign(key, body);
  }
}

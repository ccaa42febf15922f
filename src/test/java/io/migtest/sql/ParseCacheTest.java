package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parse cache trusts only files signed with its own key. */
class ParseCacheTest {
  private static final byte[] KEY = new byte[32];
  private static final String HASH = "a".repeat(64);
  private static final String OTHER = "b".repeat(64);

  @Test
  void whatItWroteItReadsBack() {
    ParseCache cache = new ParseCache(KEY);
    Map<String, ParseOutcome> outcomes =
        Map.of(HASH, ParseOutcome.PARSED, OTHER, new ParseOutcome("Encountered \"VALID\"\tat x"));
    Map<String, ParseOutcome> read = cache.read(cache.write(outcomes));
    assertThat(read.get(HASH).parsed()).isTrue();
    assertThat(read.get(OTHER).failure()).isEqualTo("Encountered \"VALID\" at x");
  }

  @Test
  void aFileChangedOrSignedWithAnotherKeyIsIgnored() {
    String text = new ParseCache(KEY).write(Map.of(HASH, new ParseOutcome("no")));
    assertThat(new ParseCache(KEY).read(text.replace("\tno", "\t"))).isEmpty();
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;
    assertThat(new ParseCache(otherKey).read(text)).isEmpty();
    assertThat(new ParseCache(KEY).read("garbage")).isEmpty();
    assertThat(new ParseCache(KEY).read(text.replace("jsqlparser-5.4", "jsqlparser-5.3")))
        .isEmpty();
  }
}

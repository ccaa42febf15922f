package io.migtest;

/** "1 migration", "2 migrations": counts as people write them. */
public final class Plural {
  private Plural() {}

  public static String of(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}

package io.migtest.mutation;

import io.migtest.migration.Migration;
import io.migtest.oracle.Oracle;
import io.migtest.sql.SqlScript;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the tests of a run are made of: each test's text hash by the name its results carry (the
 * verify scripts a deploy runs included), and whether that is every test (the test command's files
 * are not known). A verdict kept from an earlier run holds only while the tests it came from are
 * unchanged.
 */
public record TestContents(Map<String, String> byName, boolean complete) {
  public TestContents {
    byName = Map.copyOf(byName);
  }

  /** The contents of {@code oracles} and of the verify scripts of {@code migrations}. */
  public static TestContents of(List<Oracle> oracles, List<Migration> migrations) {
    Map<String, String> byName = new TreeMap<>();
    boolean complete = true;
    for (Oracle oracle : oracles) {
      Optional<Map<String, String>> contents = oracle.contents();
      contents.ifPresent(byName::putAll);
      complete &= contents.isPresent();
    }
    migrations.stream()
        .filter(m -> m.verify() != null)
        .forEach(m -> byName.put(m.verify().file(), m.verify().textChecksum()));
    return new TestContents(byName, complete);
  }

  /** The hash of the test named {@code name}, or null when it is not known. */
  public String of(String name) {
    return byName.get(name);
  }

  /** One hash of every test, or null when some tests are not known. */
  public String all() {
    if (!complete) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    new TreeMap<>(byName).forEach((name, hash) -> text.append(name).append('\0').append(hash));
    return SqlScript.sha256(text.toString());
  }
}

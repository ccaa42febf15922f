package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Duplicate versions, by the layout's own comparison (wherever the files sort): reported, never
 * guessed around.
 */
final class VersionChecks {
  private VersionChecks() {}

  static List<Finding> check(List<Migration> ordered) {
    Map<Version, List<Migration>> byVersion = new TreeMap<>();
    ordered.stream()
        .filter(m -> !m.repeatable())
        .forEach(m -> byVersion.computeIfAbsent(m.version(), v -> new ArrayList<>()).add(m));
    return byVersion.values().stream()
        .filter(sharing -> sharing.size() > 1)
        .map(VersionChecks::duplicates)
        .toList();
  }

  /** One finding for every migration that shares a version, at the last of them. */
  private static Finding duplicates(List<Migration> sharing) {
    List<String> files = sharing.stream().map(Migration::file).toList();
    return Finding.error(
        RuleId.DUPLICATE_VERSION,
        files.get(files.size() - 1),
        0,
        "Version "
            + sharing.get(0).version()
            + (files.size() == 2 ? " is used twice: " : " is used " + files.size() + " times: ")
            + String.join(", ", files)
            + ". The order between them is undefined; give each a version of its own.");
  }
}

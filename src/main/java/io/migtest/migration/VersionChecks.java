package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.util.ArrayList;
import java.util.List;

/** Duplicate versions: reported, never guessed around. */
final class VersionChecks {
  private VersionChecks() {}

  static List<Finding> check(List<Migration> ordered) {
    List<Finding> findings = new ArrayList<>();
    List<Migration> versioned = ordered.stream().filter(m -> !m.repeatable()).toList();
    int start = 0;
    for (int i = 1; i <= versioned.size(); i++) {
      boolean runEnds =
          i == versioned.size()
              || versioned.get(i).version().compareTo(versioned.get(start).version()) != 0;
      if (runEnds) {
        if (i - start > 1) {
          findings.add(duplicates(versioned.subList(start, i)));
        }
        start = i;
      }
    }
    return findings;
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

package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Duplicate versions and gaps in a numbered sequence: reported, never guessed around. */
final class VersionChecks {
  private VersionChecks() {}

  static List<Finding> check(List<Migration> ordered) {
    List<Finding> findings = new ArrayList<>();
    List<Migration> versioned = ordered.stream().filter(m -> !m.repeatable()).toList();
    for (int i = 1; i < versioned.size(); i++) {
      Migration previous = versioned.get(i - 1);
      Migration current = versioned.get(i);
      if (previous.version().compareTo(current.version()) == 0) {
        findings.add(
            Finding.error(
                RuleId.DUPLICATE_VERSION,
                current.file(),
                0,
                "Version "
                    + current.version()
                    + " is used twice: "
                    + previous.file()
                    + " and "
                    + current.file()
                    + ". The order between them is undefined; give one a new version."));
      }
    }
    boolean sequence =
        !versioned.isEmpty() && versioned.stream().allMatch(m -> m.version().isSequenceNumber());
    if (sequence) {
      for (int i = 1; i < versioned.size(); i++) {
        BigInteger previous = versioned.get(i - 1).version().parts().get(0);
        BigInteger current = versioned.get(i).version().parts().get(0);
        if (current.subtract(previous).compareTo(BigInteger.ONE) > 0) {
          findings.add(
              Finding.info(
                  RuleId.VERSION_GAP,
                  versioned.get(i).file(),
                  0,
                  "Versions jump from "
                      + previous
                      + " to "
                      + current
                      + ": check that no migration was lost or renamed."));
        }
      }
    }
    return findings;
  }
}

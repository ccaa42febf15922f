package io.migtest.migration;

import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;

/** Findings about Flyway migrations whose severity depends on the project's Flyway settings. */
final class FlywayFindings {
  private FlywayFindings() {}

  /**
   * A file Flyway would not run: ignored, or, with {@code validateMigrationNaming}, refused with
   * the others.
   */
  static Finding unrecognised(FlywaySettings settings, SourceFolder folder, String path) {
    Finding finding = LayoutSupport.unrecognised(folder, path, settings.names().expected());
    if (!settings.validateMigrationNaming()) {
      return finding;
    }
    return Finding.error(
        finding.rule(),
        finding.file(),
        0,
        "File name does not match "
            + settings.names().expected()
            + ": with validateMigrationNaming=true Flyway refuses to migrate (\"Invalid SQL"
            + " filenames found\"). Rename it or move it away.");
  }

  /**
   * A migration with both kinds of statement: Flyway refuses it unless {@code mixed=true}; without
   * a Flyway configuration file migtest cannot tell (Spring Boot sets it elsewhere), so it warns.
   */
  static Finding mixed(FlywaySettings settings, String file, int line) {
    String what =
        "This migration mixes statements that need a transaction with one that cannot run in one;";
    if (settings.mixed()) {
      return Finding.info(
          RuleId.MIXED_TRANSACTION,
          file,
          line,
          what
              + " with mixed=true Flyway runs it without a transaction, so a failure leaves it half"
              + " applied.");
    }
    String refusal =
        " Flyway refuses that unless `mixed=true`, and then runs it without a transaction, so a"
            + " failure leaves it half applied. Move the non-transactional statement into its own"
            + " migration.";
    return settings.config().files().isEmpty()
        ? Finding.warning(RuleId.MIXED_TRANSACTION, file, line, what + refusal)
        : Finding.error(
            RuleId.MIXED_TRANSACTION,
            file,
            line,
            what
                + " Flyway refuses it (\"Detected both transactional and non-transactional"
                + " statements within the same migration (even though mixed is false)\"), as "
                + String.join(" and ", settings.config().files())
                + " leaves mixed=false. Move the non-transactional statement into its own"
                + " migration, or set mixed=true.");
  }
}

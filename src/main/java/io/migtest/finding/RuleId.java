package io.migtest.finding;

/**
 * The rule ids of findings, in one place: reports, suppressions and docs refer to them, so they
 * never change once released.
 */
public final class RuleId {
  /**
   * Where the rules' pages are published, one {@code <id>.md} each (ARCHITECTURE.md: a Markdown doc
   * per rule under {@code src/main/resources/rules/}). Reports link findings there; if the
   * repository moves, this is the one place to change.
   */
  public static final String DOCS =
      "https://github.com/migtest/migtest/blob/main/src/main/resources/rules/";

  // Hygiene of the migrations folder (the lint gate).
  public static final String UNRECOGNISED_FILE = "unrecognised-file";
  public static final String DUPLICATE_VERSION = "duplicate-version";
  public static final String MIGRATION_FILE_REFUSED = "migration-file-refused";
  public static final String VERSION_GAP = "version-gap";
  public static final String MISSING_UP = "missing-up";
  public static final String MISSING_SCRIPT = "missing-script";
  public static final String EDITED_MIGRATION = "edited-migration";
  public static final String OUT_OF_ORDER = "out-of-order";
  public static final String REMOVED_MIGRATION = "removed-migration";
  public static final String UNREADABLE_FILE = "unreadable-file";
  public static final String FILE_TOO_LARGE = "file-too-large";
  public static final String BINARY_FILE = "binary-file";
  public static final String INVALID_ENCODING = "invalid-encoding";
  public static final String EMPTY_MIGRATION = "empty-migration";
  public static final String DUPLICATE_CALLBACK = "duplicate-callback";
  public static final String TOOL_CONFIG = "tool-config";
  public static final String UNKNOWN_PLACEHOLDER = "unknown-placeholder";

  // Suppressing lint rules with `-- migtest:ignore <rule> <reason>`.
  public static final String IGNORE_WITHOUT_REASON = "ignore-without-reason";
  public static final String UNKNOWN_RULE = "unknown-rule";
  public static final String UNUSED_IGNORE = "unused-ignore";
  public static final String LINT_WITHOUT_CATALOG = "lint-without-catalog";

  // Splitting a script into statements.
  public static final String UNTERMINATED_STRING = "unterminated-string";
  public static final String UNTERMINATED_IDENTIFIER = "unterminated-identifier";
  public static final String UNTERMINATED_DOLLAR_QUOTE = "unterminated-dollar-quote";
  public static final String UNTERMINATED_COMMENT = "unterminated-comment";
  public static final String PSQL_META_COMMAND = "psql-meta-command";
  public static final String PSQL_SCRIPT = "psql-script";
  public static final String MIXED_TRANSACTION = "mixed-transaction";

  // Running migrations (the apply gate).
  public static final String MIGRATION_FAILED = "migration-failed";
  public static final String BASE_MIGRATION_FAILED = "base-migration-failed";
  public static final String HISTORY_TABLE_FAILED = "history-table-failed";

  // The rollback gate: up, down and up again, compared by schema snapshots.
  public static final String DOWN_DOES_NOT_RESTORE = "down-does-not-restore";
  public static final String UP_AFTER_DOWN_DIFFERS = "up-after-down-differs";
  public static final String UP_AFTER_DOWN_FAILS = "up-after-down-fails";
  public static final String COLUMN_POSITION_CHANGED = "column-position-changed";

  // The apply gate's drift check against the committed schema file.
  public static final String SCHEMA_DRIFT = "schema-drift";

  // The data gate: seeded rows through each new migration and its down script.
  public static final String ROWS_LOST = "rows-lost";
  public static final String FOREIGN_KEY_ORPHANS = "foreign-key-orphans";
  public static final String CONSTRAINT_DOES_NOT_VALIDATE = "constraint-does-not-validate";
  public static final String DATA_NOT_RESTORED = "data-not-restored";
  public static final String SEED_FILE_FAILED = "seed-file-failed";

  // The mutation gate: mutants of the new migrations against the tests.
  public static final String MUTANT_SURVIVED = "mutant-survived";
  public static final String MUTATION_SCORE_BELOW_THRESHOLD = "mutation-score-below-threshold";
  public static final String MUTATION_BASELINE_FAILS = "mutation-baseline-fails";
  public static final String MUTANT_ERROR = "mutant-error";
  public static final String MUTATION_STATE_DISCARDED = "mutation-state-discarded";

  // The performance gate: measured on the seeded base state, against the baseline.
  public static final String PERFORMANCE_REGRESSION = "performance-regression";
  public static final String LARGE_TABLE_REWRITE = "large-table-rewrite";
  public static final String ACCESS_EXCLUSIVE_ON_LARGE_TABLE = "access-exclusive-on-large-table";
  public static final String WRITE_LOCK_ON_LARGE_TABLE = "write-lock-on-large-table";
  public static final String FAILS_ON_SEEDED_DATA = "fails-on-seeded-data";
  public static final String SEED_INCOMPLETE = "seed-incomplete";
  public static final String OPEN_TRANSACTION = "open-transaction";
  public static final String STATEMENT_TIMEOUT_EXCEEDED = "statement-timeout-exceeded";
  public static final String TEST_COMMAND_FAILED = "test-command-failed";
  public static final String TEST_FAILED = "test-failed";
  public static final String TEST_SKIPPED = "test-skipped";
  public static final String VERIFY_FAILED = "verify-failed";
  public static final String SETUP_FAILED = "setup-failed";
  public static final String CALLBACK_FAILED = "callback-failed";
  public static final String CALLBACK_NOT_RUN = "callback-not-run";
  public static final String PSQL_UNAVAILABLE = "psql-unavailable";
  public static final String SCRIPT_WARNING = "script-warning";

  private RuleId() {}

  /** The page of rule {@code id}, a kebab-case id like the constants here. */
  public static String docUrl(String id) {
    return DOCS + id + ".md";
  }
}

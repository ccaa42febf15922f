package io.migtest.config;

import io.migtest.gate.GateId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The keys of {@code migtest.yml}, and the environment variable of each. */
public final class ConfigKeys {
  public static final String MIGRATIONS = "migrations";
  public static final String LAYOUT = "layout";
  public static final String TESTS = "tests";
  public static final String BASE = "base";
  public static final String REPORT_DIR = "report-dir";
  public static final String TEST_COMMAND = "test-command";
  public static final String GATES = "gates";
  public static final String SHARD = "shard";
  public static final String TIMEOUT = "timeout";
  public static final String SETUP = "setup";
  public static final String INIT_SQL = "init-sql";

  /** A committed schema dump the migrations must build (the apply gate's drift check). */
  public static final String SCHEMA_FILE = "schema-file";

  /** The data gate's settings (see {@link io.migtest.gate.DataSettings}). */
  public static final String DATA_ROWS = "data.rows";

  public static final String DATA_SEED = "data.seed";

  /**
   * Keys whose value may be a YAML list; in the environment and on the command line, a comma list.
   */
  public static final Set<String> LIST_KEYS = Set.of(SETUP, DATA_SEED, "mutation.disable");

  public static final String DATABASE_URL = "database.url";
  public static final String POSTGRES_IMAGE = "database.postgres-image";
  public static final String STATEMENT_TIMEOUT = "database.statement-timeout";
  public static final String LOCK_TIMEOUT = "database.lock-timeout";

  /**
   * golang-migrate's URL options ({@code x-multi-statement} ...), which have no file of their own.
   */
  public static final String MULTI_STATEMENT = "golang-migrate.multi-statement";

  public static final String MULTI_STATEMENT_MAX_SIZE = "golang-migrate.multi-statement-max-size";
  public static final String MIGRATIONS_TABLE = "golang-migrate.migrations-table";

  /**
   * dbmate's settings by its flag names ({@code --migrations-dir} is {@code
   * DBMATE_MIGRATIONS_DIR}), and the {@code search_path} of its database URL; each wins over the
   * project's {@code .env} (for settings a team gives dbmate in CI).
   */
  public static final String DBMATE_MIGRATIONS_DIR = "dbmate.migrations-dir";

  public static final String DBMATE_MIGRATIONS_TABLE = "dbmate.migrations-table";
  public static final String DBMATE_STRICT = "dbmate.strict";
  public static final String DBMATE_SEARCH_PATH = "dbmate.search-path";

  /**
   * The section of Flyway's own settings, named as in flyway.conf without {@code flyway.}: {@code
   * flyway.outOfOrder}, {@code flyway.placeholders.<name>}, ...; each wins over the one in
   * flyway.conf or flyway.toml (for settings Flyway gets elsewhere, e.g. from Spring or Micronaut).
   */
  public static final String FLYWAY = "flyway";

  /**
   * Whether the lint gate builds the base state and reads its catalog even when it runs alone
   * ({@code migtest lint} sets it when given a database); other gates start one anyway.
   */
  public static final String LINT_DATABASE = "lint.database";

  /** The lint rules' settings, {@code lint.rules.<rule id>: off | error | warning | info}. */
  public static final String LINT_RULES = "lint.rules";

  /** The performance gate's settings (see {@link io.migtest.gate.PerformanceSettings}). */
  public static final String PERFORMANCE_SCALE = "performance.scale";

  public static final String PERFORMANCE_REPEATS = "performance.repeats";
  public static final String PERFORMANCE_THRESHOLD = "performance.threshold";
  public static final String PERFORMANCE_NOISE_FLOOR = "performance.noise-floor";
  public static final String PERFORMANCE_LARGE_TABLE_ROWS = "performance.large-table-rows";
  public static final String PERFORMANCE_BASELINE = "performance.baseline";

  /**
   * Set by {@code migtest baseline update} only (not a key of migtest.yml or the environment): the
   * performance gate writes the baseline instead of judging against it, which a pull request must
   * not be able to turn on.
   */
  public static final String PERFORMANCE_UPDATE_BASELINE = "performance.update-baseline";

  /** The mutation gate's settings (see {@link io.migtest.gate.MutationSettings}). */
  public static final String MUTATION_THRESHOLD = "mutation.threshold";

  public static final String MUTATION_FAIL_ON_CRITICAL = "mutation.fail-on-critical";
  public static final String MUTATION_DISABLE = "mutation.disable";
  public static final String MUTATION_WORKERS = "mutation.workers";
  public static final String MUTATION_STATE_FILE = "mutation.state-file";

  /** Keys a YAML file may hold; {@code gates.<id>} keys are added per gate. */
  public static final List<String> FILE_KEYS;

  static {
    List<String> keys =
        new ArrayList<>(
            List.of(
                MIGRATIONS,
                LAYOUT,
                TESTS,
                BASE,
                REPORT_DIR,
                TEST_COMMAND,
                TIMEOUT,
                SETUP,
                INIT_SQL,
                SCHEMA_FILE,
                DATABASE_URL,
                POSTGRES_IMAGE,
                STATEMENT_TIMEOUT,
                LOCK_TIMEOUT,
                MULTI_STATEMENT,
                MULTI_STATEMENT_MAX_SIZE,
                MIGRATIONS_TABLE,
                DBMATE_MIGRATIONS_DIR,
                DBMATE_MIGRATIONS_TABLE,
                DBMATE_STRICT,
                DBMATE_SEARCH_PATH,
                LINT_DATABASE,
                PERFORMANCE_SCALE,
                PERFORMANCE_REPEATS,
                PERFORMANCE_THRESHOLD,
                PERFORMANCE_NOISE_FLOOR,
                PERFORMANCE_LARGE_TABLE_ROWS,
                PERFORMANCE_BASELINE,
                DATA_ROWS,
                DATA_SEED,
                MUTATION_THRESHOLD,
                MUTATION_FAIL_ON_CRITICAL,
                MUTATION_DISABLE,
                MUTATION_WORKERS,
                MUTATION_STATE_FILE));
    Arrays.stream(GateId.values()).forEach(g -> keys.add(gateKey(g)));
    FILE_KEYS = List.copyOf(keys);
  }

  private ConfigKeys() {}

  /**
   * True for a key of a section whose keys are names from elsewhere: a tool's settings ({@code
   * flyway.outOfOrder}) or rule ids ({@code lint.rules.drop-column}).
   */
  public static boolean isNamedEntry(String key) {
    return entryOf(FLYWAY, key) != null || entryOf(LINT_RULES, key) != null;
  }

  /**
   * What the keys under {@code section} are, for a message: their names (for {@code gates}: lint,
   * apply, ...), or what they name for a section of named entries.
   */
  public static String keysUnder(String section) {
    if (section.equals(FLYWAY)) {
      return "Flyway settings, such as outOfOrder";
    }
    if (section.equals(LINT_RULES)) {
      return "rule ids, such as drop-column";
    }
    return FILE_KEYS.stream()
        .map(k -> entryOf(section, k))
        .filter(Objects::nonNull)
        .map(rest -> rest.split("\\.")[0])
        .distinct()
        .collect(Collectors.joining(", "));
  }

  /** The name after {@code section.} in {@code key}, or null when the key is not in the section. */
  public static String entryOf(String section, String key) {
    return key.startsWith(section + ".") && key.length() > section.length() + 1
        ? key.substring(section.length() + 1)
        : null;
  }

  /** True for a key that is, or leads to, a known key or a section of named entries. */
  public static boolean isKnown(String key) {
    return FILE_KEYS.contains(key)
        || FILE_KEYS.stream().anyMatch(k -> k.startsWith(key + "."))
        || FLYWAY.equals(key)
        || LINT_RULES.equals(key)
        || isNamedEntry(key);
  }

  public static String gateKey(GateId gate) {
    return GATES + "." + gate.id();
  }

  /**
   * {@code database.lock-timeout} is set by {@code MIGTEST_LOCK_TIMEOUT}, {@code database.url} by
   * {@code MIGTEST_DATABASE_URL}.
   */
  public static String environmentVariable(String key) {
    if (key.equals(DATABASE_URL)) {
      return "MIGTEST_DATABASE_URL";
    }
    String last = key.startsWith("database.") ? key.substring("database.".length()) : key;
    return "MIGTEST_" + last.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }
}

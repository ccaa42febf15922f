package io.migtest.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.migtest.gate.GateResult;
import io.migtest.gate.MutationOutcome;
import io.migtest.oracle.TestResult;
import io.migtest.perf.PerformanceResults;
import java.util.List;

/**
 * The model every report format is rendered from; its JSON form is {@code report.json} (PRODUCT.md
 * section 7). Fields may be added; none is removed or renamed without a new schema version.
 *
 * @param projectPath the project folder relative to the repository's root, {@code ""} at the root
 *     or outside a git repository: findings' files are relative to the project, SARIF's to the root
 * @param tests the verdict of every test the gates ran (SQL test files, pgTAP, the test command)
 * @param error what went wrong when the result is ERROR, else null (left out of the JSON)
 */
@JsonPropertyOrder({
  "schemaVersion",
  "tool",
  "result",
  "exitCode",
  "layout",
  "migrationsDir",
  "projectPath",
  "migrations",
  "gates",
  "tests",
  "error"
})
public record RunReport(
    int schemaVersion,
    Tool tool,
    RunResult result,
    int exitCode,
    String layout,
    String migrationsDir,
    String projectPath,
    List<MigrationEntry> migrations,
    List<GateResult> gates,
    List<TestResult> tests,
    @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

  public static final int SCHEMA_VERSION = 1;

  /** The program that wrote the report. */
  public record Tool(String name, String version) {}

  /** The performance gate's measurements, when it measured (the {@code performance} section). */
  @JsonProperty("performance")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public PerformanceResults performance() {
    return gates.stream()
        .map(GateResult::performance)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** The mutation gate's score and mutants, when it ran them (the {@code mutation} section). */
  @JsonProperty("mutation")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public MutationOutcome mutation() {
    return gates.stream()
        .map(GateResult::mutation)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /**
   * One migration as the report lists it.
   *
   * @param downFile the rollback script, or null
   * @param unparsedStatements statements JSqlParser could not parse (still executed)
   */
  @JsonPropertyOrder({
    "version",
    "description",
    "file",
    "downFile",
    "isNew",
    "statements",
    "unparsedStatements"
  })
  public record MigrationEntry(
      String version,
      String description,
      String file,
      @JsonInclude(JsonInclude.Include.ALWAYS) String downFile,
      boolean isNew,
      int statements,
      int unparsedStatements) {}
}

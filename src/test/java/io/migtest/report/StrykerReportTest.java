package io.migtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.migtest.gate.GateId;
import io.migtest.gate.GateMode;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import io.migtest.gate.MutationOutcome;
import io.migtest.mutation.Category;
import io.migtest.mutation.Excerpt;
import io.migtest.mutation.MutantStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code mutation-report.json} against Stryker's mutation-testing-report schema (vendored in {@code
 * src/test/resources/schemas}), with every status and hostile file names and SQL.
 */
class StrykerReportTest {
  private static final String FILE = ReportSchemaTest.FILE;

  @Test
  void everyStatusKeepsToTheSchemaAndMapsToStrykersName() throws Exception {
    String json = new StrykerReport().render(report());

    assertThat(errors(json)).isEmpty();
    JsonNode root = JsonReport.mapper().readTree(json);
    assertThat(root.get("schemaVersion").asText()).isEqualTo("2");
    assertThat(root.get("thresholds").get("high").asInt()).isEqualTo(80);
    assertThat(root.get("thresholds").get("low").asInt()).isEqualTo(60);
    JsonNode file = root.get("files").get(FILE);
    assertThat(file.get("language").asText()).isEqualTo("sql");
    assertThat(file.get("source").asText()).startsWith("CREATE TABLE users");
    assertThat(file.get("mutants").findValuesAsText("status"))
        .containsExactly(
            "Killed",
            "Survived",
            "Timeout",
            "NoCoverage",
            "CompileError",
            "Ignored",
            "RuntimeError",
            "Killed");
    JsonNode killed = file.get("mutants").get(0);
    assertThat(killed.get("mutatorName").asText()).isEqualTo("SCH_001");
    assertThat(killed.get("killedBy").get(0).asText()).isEqualTo("db/tests/users.sql");
    assertThat(killed.get("location").get("end").get("column").asInt()).isEqualTo(44);
    assertThat(
            root.get("testFiles").get("db/tests/users.sql").get("tests").get(0).get("id").asText())
        .isEqualTo("db/tests/users.sql");
    assertThat(file.get("mutants").get(5).get("statusReason").asText())
        .isEqualTo("equivalent: a primary key column is NOT NULL anyway");
    assertThat(file.get("mutants").get(7).get("statusReason").asText())
        .startsWith("killed by migtest's rollback check: ");
  }

  @Test
  void withoutAMutationRunTheReportHasNoFilesAndStillKeepsToTheSchema() throws Exception {
    String json = new StrykerReport().render(ReportSchemaTest.cleanPass());

    assertThat(errors(json)).isEmpty();
    assertThat(JsonReport.mapper().readTree(json).get("files").isEmpty()).isTrue();
  }

  @Test
  void theSchemaRejectsAStatusStrykerDoesNotKnow() throws Exception {
    String json = new StrykerReport().render(report()).replace("\"Survived\"", "\"Alive\"");

    assertThat(errors(json)).isNotEmpty();
  }

  private static RunReport report() {
    List<MutationOutcome.Entry> mutants =
        List.of(
            entry(MutantStatus.KILLED, "test:db/tests/users.sql"),
            entry(MutantStatus.SURVIVED, null),
            entry(MutantStatus.TIMEOUT, null),
            entry(MutantStatus.NO_COVERAGE, null),
            entry(MutantStatus.INVALID, null),
            entry(MutantStatus.EQUIVALENT, null),
            entry(MutantStatus.ERROR, null),
            entry(MutantStatus.KILLED, "gate:rollback"));
    MutationOutcome outcome =
        new MutationOutcome(
            50.0,
            80,
            Map.of(MutantStatus.KILLED, 2),
            60.0,
            25.0,
            Map.of(Category.SCHEMA, 50.0),
            mutants,
            null,
            Map.of(FILE, "CREATE TABLE users (id int, email text NOT NULL);\n"));
    GateResult gate =
        new GateResult(
            GateId.MUTATION,
            GateStatus.FAIL,
            GateMode.BLOCK,
            10,
            "score 50.0%",
            List.of(),
            List.of(),
            null,
            outcome);
    RunReport clean = ReportSchemaTest.cleanPass();
    return new RunReport(
        clean.schemaVersion(),
        clean.tool(),
        RunResult.FAIL,
        1,
        clean.layout(),
        clean.migrationsDir(),
        clean.projectPath(),
        List.of(),
        List.of(gate),
        List.of(),
        null);
  }

  private static MutationOutcome.Entry entry(MutantStatus status, String killedBy) {
    String nasty = ReportSchemaTest.NASTY;
    return new MutationOutcome.Entry(
        status.name().toLowerCase() + "01",
        "SCH_001",
        Category.SCHEMA,
        "CRITICAL",
        FILE,
        1,
        1,
        44,
        status,
        "NOT NULL of `email` dropped " + nasty,
        "CREATE TABLE users (id int, email text NOT NULL)",
        "CREATE TABLE users (id int, email text) " + nasty,
        new Excerpt("email text NOT NULL", "email text"),
        killedBy,
        status == MutantStatus.EQUIVALENT ? "a primary key column is NOT NULL anyway" : nasty,
        "a test inserting NULL");
  }

  private static List<Error> errors(String json) throws IOException {
    Schema schema;
    try (InputStream in =
        Files.newInputStream(
            Path.of("src/test/resources/schemas/mutation-testing-report-schema.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
    }
    return schema.validate(JsonReport.mapper().readTree(json));
  }
}

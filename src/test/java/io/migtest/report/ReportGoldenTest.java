package io.migtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.finding.Finding;
import io.migtest.finding.Severity;
import io.migtest.gate.GateId;
import io.migtest.gate.GateMode;
import io.migtest.gate.GateResult;
import io.migtest.gate.GateStatus;
import io.migtest.oracle.TestFailure;
import io.migtest.oracle.TestResult;
import io.migtest.oracle.TestStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The report formats against reviewed golden files. After an intended change, run the tests with
 * {@code -Dmigtest.updateGolden=true} and review the diff of {@code src/test/resources/golden}.
 */
class ReportGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static RunReport sample() {
    Finding failure =
        new Finding(
            "migration-failed",
            Severity.ERROR,
            "db/migrations/V2__orders|<b>.sql",
            7,
            "Statement at line 7 failed: column \"totl\" does not exist (hint: Perhaps you meant"
                + " \"total\".) <script>alert(1)</script> @octocat `x` ::error::forged",
            "42703");
    Finding note =
        Finding.info("version-gap", "db/migrations/V4__x.sql", 0, "Versions jump from 2 to 4.");
    GateResult apply =
        new GateResult(
            GateId.APPLY,
            GateStatus.FAIL,
            GateMode.BLOCK,
            1234,
            "failed on an empty database at db/migrations/V2__orders|<b>.sql:7 after 1 of 3 migrations",
            List.of(note, failure));
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", "1.2.3"),
        RunResult.FAIL,
        1,
        "flyway",
        "db/migrations",
        "services/api",
        List.of(
            new RunReport.MigrationEntry(
                "1",
                "users",
                "db/migrations/V1__users.sql",
                "db/migrations/U1__users.sql",
                false,
                3,
                0),
            new RunReport.MigrationEntry(
                "2", "orders", "db/migrations/V2__orders|<b>.sql", null, true, 5, 1)),
        List.of(apply),
        List.of(
            new TestResult("db/tests/01_users.sql", "sql", TestStatus.PASS, 12, List.of(), null),
            new TestResult(
                "db/tests/02_orders|x.sql",
                "sql",
                TestStatus.FAIL,
                30,
                List.of(
                    new TestFailure(
                        "db/tests/02_orders|x.sql",
                        4,
                        "error 23502",
                        "success",
                        "expected the statement to fail with SQLSTATE 23502, but it succeeded")),
                null),
            new TestResult(
                "db/tests/03_tap.sql",
                "pgtap",
                TestStatus.SKIP,
                0,
                List.of(),
                "the pgTAP extension is not available on this server")),
        null);
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path file = GOLDEN.resolve(name);
    if (Boolean.getBoolean("migtest.updateGolden")) {
      Files.writeString(file, actual, StandardCharsets.UTF_8);
    }
    assertThat(file)
        .as("golden file %s is missing: run with -Dmigtest.updateGolden=true and review it", file)
        .exists();
    assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
  }

  @Test
  void jsonKeepsTheContractOfPRODUCTSection7() throws IOException {
    String json = new JsonReport().render(sample());
    assertGolden("report.json", json);
    var tree = JsonReport.mapper().readTree(json);
    assertThat(tree.get("migrations").get(1).get("downFile").isNull()).isTrue();
    assertThat(tree.get("gates").get(0).get("findings").get(1).get("sqlstate").asText())
        .isEqualTo("42703");
    assertThat(tree.get("gates").get(0).get("findings").get(0).get("sqlstate").isNull()).isTrue();
    assertThat(tree.has("error")).isFalse();
  }

  @Test
  void markdownShowsTheVerdictGatesAndEscapedFindings() throws IOException {
    String md = new MarkdownReport().render(sample());
    assertGolden("report.md", md);
    assertThat(md)
        .startsWith(MarkdownReport.MARKER)
        .doesNotContain("<script>")
        .doesNotContain("@octocat");
  }

  @Test
  void htmlIsTheRenderedMarkdownWithNothingExecutable() throws IOException {
    String html = new HtmlReport().render(sample());
    assertGolden("report.html", html);
    assertThat(html).doesNotContain("<script>").doesNotContain("<b>").contains("<table>");
  }

  @Test
  void junitHasASuitePerGateAndOneOfTheTests() throws IOException {
    String xml = new JunitReport().render(sample());
    assertGolden("junit.xml", xml);
    assertThat(xml)
        .contains(
            "<testsuites name=\"migtest\" tests=\"5\" failures=\"2\" errors=\"0\" time=\"1.276\">")
        .contains("<testsuite name=\"migtest.apply\" tests=\"2\" failures=\"1\"")
        .contains("name=\"migration-failed at db/migrations/V2__orders|&lt;b&gt;.sql:7\"")
        .contains("<skipped>the pgTAP extension is not available on this server</skipped>")
        .doesNotContain("<script>");
  }

  @Test
  void sarifHasARulePerRuleIdAndAResultPerFinding() throws IOException {
    String sarif = new SarifReport().render(sample());
    assertGolden("results.sarif", sarif);
    var run = JsonReport.mapper().readTree(sarif).get("runs").get(0);
    assertThat(run.get("tool").get("driver").get("rules").findValuesAsText("id"))
        .containsExactly("migration-failed", "version-gap");
    var failed = run.get("results").get(0);
    assertThat(failed.get("level").asText()).isEqualTo("error");
    assertThat(failed.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .as("relative to the repository's root, where code scanning looks")
        .isEqualTo("services/api/db/migrations/V2__orders%7C%3Cb%3E.sql");
    assertThat(failed.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(7);
    var gap = run.get("results").get(1);
    assertThat(gap.get("level").asText()).isEqualTo("note");
    assertThat(gap.get("ruleIndex").asInt()).isEqualTo(1);
    assertThat(gap.at("/locations/0/physicalLocation").has("region"))
        .as("a finding about a whole file has no region: SARIF lines start at 1")
        .isFalse();
  }

  @Test
  void aPipeShowsAsWrittenInAParagraphAndStaysInsideItsTableCell() {
    RunReport sample = sample();
    RunReport piped =
        new RunReport(
            sample.schemaVersion(),
            sample.tool(),
            sample.result(),
            sample.exitCode(),
            sample.layout(),
            "db/a|b",
            sample.projectPath(),
            sample.migrations(),
            sample.gates(),
            sample.tests(),
            sample.error());
    String html = new HtmlReport().render(piped);
    assertThat(html).contains("in <code>db/a|b</code>, layout").doesNotContain("a\\|b");
    assertThat(html)
        .contains(
            "<td>❌ error</td>\n"
                + "<td><code>db/migrations/V2__orders|&lt;b&gt;.sql:7</code></td>\n"
                + "<td><code>migration-failed</code></td>\n");
  }
}

package io.migtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
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
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * {@code junit.xml} and {@code results.sarif} against the real schemas (vendored with their sources
 * in {@code src/test/resources/schemas}), also when everything that comes from the pull request is
 * hostile.
 */
class ReportSchemaTest {
  private static final Path SCHEMAS = Path.of("src/test/resources/schemas");

  /** Markup, CDATA ends, controls XML 1.0 forbids, a lone surrogate, a mention and a link. */
  static final String NASTY =
      "<script>alert(1)</script> & &amp; ]]> \" ' @octocat [click](https://evil.example) [x](0)"
          + " \u0000\u0001\u0007\u0008\u000B\u000C\u001B[31m\u007F\u0085 \uFFFE\uFFFF \uD800lone"
          + " \uDC00 😀 é\r\nline 2\rline 3\ttab {0} %s ::error::forged";

  static final String FILE = "db/migrations/V3__<a&b>\"]]>\u0001 \u001B|`@me` [l](1)%20 é😀\n.sql";

  static final String LONG = "very long ".repeat(20_000);

  static RunReport hostile() {
    GateResult lint =
        new GateResult(
            GateId.LINT,
            GateStatus.WARN,
            GateMode.WARN,
            3,
            NASTY,
            List.of(
                Finding.warning("out-of-order", FILE, 0, NASTY),
                Finding.info("version-gap", null, 0, LONG)));
    GateResult apply =
        new GateResult(
            GateId.APPLY,
            GateStatus.FAIL,
            GateMode.BLOCK,
            99,
            NASTY,
            List.of(
                new Finding("migration-failed", Severity.ERROR, FILE, 12, NASTY, "XX\u0000X"),
                Finding.error("migration-failed", FILE, 13, LONG),
                Finding.error("test-command-failed", null, 0, NASTY)));
    GateResult rollback =
        new GateResult(GateId.ROLLBACK, GateStatus.SKIP, GateMode.OFF, 0, NASTY, List.of());
    List<TestResult> tests =
        List.of(
            new TestResult(
                FILE,
                "sql",
                TestStatus.FAIL,
                7,
                List.of(
                    new TestFailure(FILE, 2, NASTY, NASTY, NASTY),
                    new TestFailure(null, 0, null, null, LONG)),
                null),
            new TestResult(NASTY, "command", TestStatus.ERROR, 5, List.of(), NASTY),
            new TestResult(FILE, "pgtap", TestStatus.SKIP, 0, List.of(), NASTY));
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", "1.2.3"),
        RunResult.ERROR,
        3,
        "flyway",
        "db/migrations",
        "",
        List.of(),
        List.of(lint, apply, rollback),
        tests,
        NASTY);
  }

  static RunReport cleanPass() {
    GateResult lint =
        new GateResult(GateId.LINT, GateStatus.PASS, GateMode.BLOCK, 5, "3 files", List.of());
    return new RunReport(
        RunReport.SCHEMA_VERSION,
        new RunReport.Tool("migtest", "0.1.0-SNAPSHOT"),
        RunResult.PASS,
        0,
        "plain",
        "sql",
        "",
        List.of(),
        List.of(lint),
        List.of(),
        null);
  }

  @Test
  void junitKeepsToJenkinsXsd() throws Exception {
    for (RunReport report : List.of(ReportGoldenTest.sample(), hostile(), cleanPass())) {
      validateJunit(new JunitReport().render(report));
    }
  }

  @Test
  void sarifKeepsToTheSarif210Schema() throws Exception {
    for (RunReport report : List.of(ReportGoldenTest.sample(), hostile(), cleanPass())) {
      assertThat(sarifErrors(new SarifReport().render(report))).isEmpty();
    }
  }

  @Test
  void theSchemasRejectWhatCodeScanningAndJenkinsWouldNot() throws Exception {
    String sarif = new SarifReport().render(ReportGoldenTest.sample());
    assertThat(sarifErrors(sarif.replace("\"startLine\" : 7", "\"startLine\" : 0")))
        .as("SARIF lines start at 1")
        .isNotEmpty();
    assertThat(sarifErrors(sarif.replace("V2__orders%7C%3Cb%3E.sql", "V2__orders|<b> x.sql")))
        .as("a path that is not a URI reference")
        .isNotEmpty();
    String xml = new JunitReport().render(ReportGoldenTest.sample());
    assertThatThrownBy(() -> validateJunit(xml.replace("<testcase ", "<testcase file=\"a\" ")))
        .isInstanceOf(SAXException.class)
        .hasMessageContaining("file");
  }

  @Test
  void hostileJunitReadsBackAsWrittenWithoutWhatXmlCannotCarry() throws Exception {
    Document doc = parse(new JunitReport().render(hostile()));
    String legalNasty =
        NASTY
            .replaceAll("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]", "")
            .replaceAll("[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])", "")
            .replaceAll("(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]", "");
    Element outOfOrder = testCase(doc, 0);
    assertThat(outOfOrder.getAttribute("name")).contains("<a&b>\"]]>").contains("[l](1)%20 é😀");
    Element failure = (Element) outOfOrder.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo(legalNasty.replace("\r\n", " ").replace('\r', ' ').replace('\t', ' '));
    assertThat(failure.getTextContent())
        .endsWith(legalNasty.replace("\r\n", "\n").replace('\r', '\n'));

    Element longCase = testCase(doc, 3);
    Element longFailure = (Element) longCase.getElementsByTagName("failure").item(0);
    assertThat(longFailure.getAttribute("message")).hasSize(XmlText.MAX_ATTRIBUTE).endsWith("…");
    assertThat(longFailure.getTextContent()).endsWith(LONG);

    NodeList suites = doc.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      Map.of("failure", "failures", "error", "errors", "skipped", "skipped")
          .forEach(
              (element, count) ->
                  assertThat(suite.getElementsByTagName(element).getLength())
                      .as("%s of %s", count, suite.getAttribute("name"))
                      .isEqualTo(Integer.parseInt(suite.getAttribute(count))));
    }
    assertThat(doc.getElementsByTagName("error").getLength())
        .as("the test that could not run, and the run that could not finish")
        .isEqualTo(2);
  }

  @Test
  void hostileSarifHasNoLinksAndPathsAsUriReferences() throws Exception {
    JsonNode run = JsonReport.mapper().readTree(new SarifReport().render(hostile())).at("/runs/0");
    for (JsonNode result : run.get("results")) {
      String text = result.at("/message/text").asText();
      assertThat(text).doesNotContainPattern("(?<!\\\\)\\[");
      JsonNode artifact = result.at("/locations/0/physicalLocation/artifactLocation");
      if (!artifact.isMissingNode()) {
        String uri = artifact.get("uri").asText();
        assertThat(URI.create(uri).isAbsolute()).isFalse();
        assertThat(URLDecoder.decode(uri, StandardCharsets.UTF_8)).isEqualTo(FILE);
      }
    }
    JsonNode noFile = run.get("results").get(2);
    assertThat(noFile.get("ruleId").asText()).isEqualTo("test-command-failed");
    assertThat(noFile.has("locations")).isFalse();
    assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .contains("\\[click\\](https://evil.example)");
  }

  private static Element testCase(Document doc, int index) {
    return (Element) doc.getElementsByTagName("testcase").item(index);
  }

  private static void validateJunit(String xml) throws IOException, SAXException {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    Validator validator =
        factory.newSchema(SCHEMAS.resolve("jenkins-junit.xsd").toFile()).newValidator();
    validator.validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  private static List<Error> sarifErrors(String sarif) throws IOException {
    Schema schema;
    try (InputStream in = Files.newInputStream(SCHEMAS.resolve("sarif-2.1.0.json"))) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
    }
    return schema.validate(
        JsonReport.mapper().readTree(sarif),
        context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
  }
}

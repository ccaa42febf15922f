package io.migtest.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migtest.finding.Finding;
import io.migtest.gate.GateResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders {@code results.sarif}, SARIF 2.1.0 as GitHub code scanning reads it (upload it with
 * {@code github/codeql-action/upload-sarif}): one run, a rule per rule id found, a result per
 * finding at its file and line.
 */
public final class SarifReport implements ReportRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String INFORMATION_URI = "https://github.com/migtest/migtest";

  /** Our key in {@code partialFingerprints}; upload-sarif still adds its own line hash. */
  static final String FINGERPRINT = "migtestFinding/v1";

  /** Code scanning rejects a run with more results. */
  static final int MAX_RESULTS = 25_000;

  @Override
  public String fileName() {
    return "results.sarif";
  }

  @Override
  public String render(RunReport report) {
    record Located(GateResult gate, Finding finding) {}
    List<Located> findings =
        report.gates().stream()
            .flatMap(g -> g.findings().stream().map(f -> new Located(g, f)))
            .sorted(Comparator.comparing(l -> l.finding().severity()))
            .toList();
    ObjectNode log = JsonReport.mapper().createObjectNode();
    log.put("$schema", SCHEMA);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", report.tool().name());
    driver.put("version", report.tool().version());
    driver.put("informationUri", INFORMATION_URI);
    ArrayNode rules = driver.putArray("rules");
    run.set("invocations", invocations(report, findings.size()));
    ArrayNode results = run.putArray("results");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    for (Located l : findings.subList(0, Math.min(findings.size(), MAX_RESULTS))) {
      String id = l.finding().rule();
      if (!ruleIndex.containsKey(id)) {
        ruleIndex.put(id, ruleIndex.size());
        rules.add(SarifText.rule(id));
      }
      results.add(
          result(
              l.gate(),
              l.finding(),
              ruleIndex.get(id),
              Objects.requireNonNullElse(report.projectPath(), "")));
    }
    try {
      return JsonReport.mapper().writeValueAsString(log) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Whether the run finished, and a note when findings were left out for code scanning. */
  private static ArrayNode invocations(RunReport report, int findings) {
    ArrayNode invocations = JsonReport.mapper().createArrayNode();
    ObjectNode invocation = invocations.addObject();
    invocation.put("executionSuccessful", report.result() != RunResult.ERROR);
    invocation.put("exitCode", report.exitCode());
    ArrayNode notes = JsonReport.mapper().createArrayNode();
    if (report.error() != null) {
      notification(notes, "error", report.error());
    }
    if (findings > MAX_RESULTS) {
      notification(
          notes,
          "note",
          (findings - MAX_RESULTS) + " less severe findings are left out; report.json has all.");
    }
    if (!notes.isEmpty()) {
      invocation.set("toolExecutionNotifications", notes);
    }
    return invocations;
  }

  private static void notification(ArrayNode notes, String level, String text) {
    ObjectNode note = notes.addObject();
    note.put("level", level);
    note.putObject("message").put("text", SarifText.message(text));
  }

  /**
   * One result; its file relative to the repository's root (%SRCROOT%, the checkout that code
   * scanning resolves against), whichever folder of the repository the project is in.
   */
  private static ObjectNode result(GateResult gate, Finding f, int ruleIndex, String projectPath) {
    ObjectNode result = JsonReport.mapper().createObjectNode();
    result.put("ruleId", f.rule());
    result.put("ruleIndex", ruleIndex);
    result.put(
        "level",
        switch (f.severity()) {
          case ERROR -> "error";
          case WARNING -> "warning";
          case INFO -> "note";
        });
    String text = f.message() + (f.sqlstate() == null ? "" : " (SQLSTATE " + f.sqlstate() + ")");
    result.putObject("message").put("text", SarifText.message(text));
    if (f.file() != null) {
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      ObjectNode artifact = physical.putObject("artifactLocation");
      artifact.put(
          "uri", SarifText.uri(projectPath.isEmpty() ? f.file() : projectPath + "/" + f.file()));
      artifact.put("uriBaseId", "%SRCROOT%");
      if (f.line() > 0) {
        physical.putObject("region").put("startLine", f.line()).put("endLine", f.endLine());
      }
    }
    result.putObject("partialFingerprints").put(FINGERPRINT, fingerprint(f));
    result.putObject("properties").put("gate", gate.id().id());
    return result;
  }

  /** The same rule, file and message give the same fingerprint, whatever line it moved to. */
  private static String fingerprint(Finding f) {
    String key = f.rule() + '\0' + (f.file() == null ? "" : f.file()) + '\0' + f.message();
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}

package io.migtest.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.migtest.gate.MutationOutcome;
import io.migtest.mutation.MutantStatus;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code mutation-report.json}: the mutants in Stryker's mutation-testing-report schema (version
 * 2), which Stryker's HTML elements, its dashboard and other tools read. Each mutated file carries
 * its source; each mutant its operator, replacement, location and status (EQUIVALENT is {@code
 * Ignored} with the reason, INVALID {@code CompileError}); the project's tests that killed mutants
 * are listed under {@code testFiles} so that {@code killedBy} points at them. Without a mutation
 * run the report has no files.
 */
public final class StrykerReport implements ReportRenderer {
  /** The schema's high and low marks: the threshold, and 20 points below it. */
  private static final double LOW_MARGIN = 20;

  @Override
  public String fileName() {
    return "mutation-report.json";
  }

  @Override
  public String render(RunReport report) {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode root = json.objectNode();
    root.put("$schema", "https://git.io/mutation-testing-schema");
    root.put("schemaVersion", "2");
    MutationOutcome mutation = report.mutation();
    double high = mutation == null ? 80 : mutation.threshold();
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put((String) "high", Math.round(high));
    thresholds.put((String) "low", Math.round(Math.max(0, high - LOW_MARGIN)));
    ObjectNode framework = root.putObject("framework");
    framework.put("name", "migtest");
    framework.put("version", report.tool().version());
    ObjectNode files = root.putObject("files");
    Set<String> killers = new LinkedHashSet<>();
    if (mutation != null) {
      mutation
          .sources()
          .forEach(
              (file, source) -> {
                ObjectNode entry = files.putObject(file);
                entry.put("language", "sql");
                entry.put("source", source);
                entry.putArray("mutants");
              });
      for (MutationOutcome.Entry mutant : mutation.mutants()) {
        ObjectNode file = (ObjectNode) files.get(mutant.file());
        if (file == null) {
          file = files.putObject(mutant.file());
          file.put("language", "sql");
          file.put("source", "");
          file.putArray("mutants");
        }
        ((ArrayNode) file.get("mutants")).add(mutant(json, mutant, killers));
      }
    }
    if (!killers.isEmpty()) {
      ObjectNode testFiles = root.putObject("testFiles");
      for (String test : killers) {
        ObjectNode tests = testFiles.putObject(test);
        tests.putArray("tests").addObject().put("id", test).put("name", test);
      }
    }
    try {
      return JsonReport.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of JSON nodes always serialises", e);
    }
  }

  private static ObjectNode mutant(
      JsonNodeFactory json, MutationOutcome.Entry mutant, Set<String> killers) {
    ObjectNode node = json.objectNode();
    node.put("id", mutant.id());
    node.put("mutatorName", mutant.operator());
    node.put("description", mutant.change());
    node.put("replacement", mutant.mutated());
    ObjectNode location = node.putObject("location");
    location.putObject("start").put("line", mutant.line()).put("column", 1);
    location.putObject("end").put("line", mutant.endLine()).put("column", mutant.endColumn());
    node.put("status", status(mutant.status()));
    String reason =
        mutant.status() == MutantStatus.EQUIVALENT
            ? "equivalent: " + mutant.detail()
            : mutant.killedBy() != null && mutant.killedBy().startsWith("gate:")
                ? "killed by migtest's "
                    + mutant.killedBy().substring(5)
                    + " check: "
                    + mutant.detail()
                : mutant.detail();
    if (reason != null) {
      node.put("statusReason", reason);
    }
    if (mutant.killedBy() != null && mutant.killedBy().startsWith("test:")) {
      String test = mutant.killedBy().substring(5);
      killers.add(test);
      node.putArray("killedBy").add(test);
    }
    return node;
  }

  private static String status(MutantStatus status) {
    return switch (status) {
      case KILLED -> "Killed";
      case SURVIVED -> "Survived";
      case TIMEOUT -> "Timeout";
      case NO_COVERAGE -> "NoCoverage";
      case INVALID -> "CompileError";
      case EQUIVALENT, IGNORED -> "Ignored";
      case ERROR -> "RuntimeError";
    };
  }
}

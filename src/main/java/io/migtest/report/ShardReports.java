package io.migtest.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.migtest.MigtestException;
import io.migtest.Plural;
import io.migtest.finding.Finding;
import io.migtest.finding.RuleId;
import io.migtest.gate.GateId;
import io.migtest.gate.GateResult;
import io.migtest.gate.MutationGate;
import io.migtest.gate.MutationOutcome;
import io.migtest.mutation.MutationScore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * {@code migtest report merge}: the reports of the shards of one mutation run ({@code --shard i/n}
 * on n runners) joined into one. The mutants are united by their stable ids and the score, status
 * and exit code computed again as the gate computes them, so the merged score equals an unsharded
 * run's; the other gates come from the first report.
 */
public final class ShardReports {
  /** report.json files are small; anything larger is not one. */
  private static final int MAX_BYTES = 64 << 20;

  private static final int MAX_DEPTH = 4;

  private static final ObjectMapper READER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private ShardReports() {}

  /** Every {@code report.json} below {@code folders} (links not followed), in name order. */
  public static List<Path> find(List<Path> folders) throws IOException {
    List<Path> found = new ArrayList<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        throw MigtestException.usage(folder + " is not a folder of shard reports.");
      }
      try (Stream<Path> files = Files.walk(folder, MAX_DEPTH, new FileVisitOption[0])) {
        files
            .filter(f -> f.getFileName().toString().equals("report.json"))
            .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
            .sorted()
            .forEach(found::add);
      }
    }
    if (found.isEmpty()) {
      throw MigtestException.usage("No report.json below " + folders + ".");
    }
    return found;
  }

  /** One shard's report, with its mutants and (from mutation-report.json) the sources. */
  public static RunReport read(Path reportJson) {
    try {
      JsonNode tree = READER.readTree(bytes(reportJson));
      if (tree == null || tree.path("schemaVersion").asInt() != RunReport.SCHEMA_VERSION) {
        throw MigtestException.usage(
            reportJson
                + " is not a migtest report of schema version "
                + RunReport.SCHEMA_VERSION
                + ".");
      }
      RunReport report = READER.treeToValue(tree, RunReport.class);
      JsonNode section = tree.get("mutation");
      if (section == null || section.isNull()) {
        return report;
      }
      MutationOutcome outcome = READER.treeToValue(section, MutationOutcome.class);
      outcome = withSources(outcome, sources(reportJson.resolveSibling("mutation-report.json")));
      List<GateResult> gates = new ArrayList<>();
      for (GateResult gate : report.gates()) {
        gates.add(
            gate.id() == GateId.MUTATION
                ? gate.withMutation(gate.status(), gate.summary(), gate.findings(), outcome)
                : gate);
      }
      return with(report, gates, report.exitCode(), report.result());
    } catch (IOException | IllegalArgumentException e) {
      throw MigtestException.usage(
          reportJson + " cannot be read as a migtest report: " + e.getMessage());
    }
  }

  /**
   * The shards joined: their mutants united, the mutation gate and the run judged again. Refused
   * unless the reports are every shard of one run, each once: a missing shard (a runner that
   * failed) would score a part as the whole, a repeated or foreign one would count mutants twice or
   * mix runs. A report of a run that ended in an error merges into an ERROR result instead.
   *
   * @param reports the shard reports, by the file each was read from
   */
  public static RunReport merge(Map<Path, RunReport> reports) {
    checkComplete(reports);
    List<RunReport> shards = List.copyOf(reports.values());
    RunReport first = shards.get(0);
    Map<String, MutationOutcome.Entry> mutants = new LinkedHashMap<>();
    Map<String, String> sources = new HashMap<>();
    Set<Finding> findings = new LinkedHashSet<>();
    Double threshold = null;
    for (RunReport shard : shards) {
      MutationOutcome outcome = shard.mutation();
      if (outcome == null) {
        continue;
      }
      threshold = threshold == null ? outcome.threshold() : threshold;
      outcome.mutants().forEach(m -> mutants.putIfAbsent(m.id(), m));
      sources.putAll(outcome.sources());
      shard.gates().stream()
          .filter(g -> g.id() == GateId.MUTATION)
          .flatMap(g -> g.findings().stream())
          .filter(f -> !f.rule().equals(RuleId.MUTATION_SCORE_BELOW_THRESHOLD))
          .forEach(findings::add);
    }
    if (threshold == null) {
      throw MigtestException.usage(
          "None of the " + shards.size() + " reports has mutants: nothing to merge.");
    }
    List<MutationOutcome.Entry> all = new ArrayList<>(mutants.values());
    MutationScore score =
        MutationScore.ofScored(
            all.stream()
                .map(
                    m ->
                        new MutationScore.Scored(
                            m.category(),
                            m.status(),
                            m.killedBy() != null && m.killedBy().startsWith("test:")))
                .toList());
    MutationGate.Verdict verdict =
        MutationGate.verdict(
            score,
            threshold,
            new ArrayList<>(findings),
            "; " + Plural.of(shards.size(), "shard") + " merged");
    MutationOutcome merged = MutationOutcome.ofEntries(score, threshold, all, sources);
    List<GateResult> gates = new ArrayList<>();
    for (GateResult gate : first.gates()) {
      gates.add(
          gate.id() == GateId.MUTATION
              ? gate.withMutation(verdict.status(), verdict.summary(), verdict.findings(), merged)
              : gate);
    }
    boolean error = shards.stream().anyMatch(s -> s.result() == RunResult.ERROR);
    boolean blocked = gates.stream().anyMatch(GateResult::blocks);
    RunResult result = error ? RunResult.ERROR : blocked ? RunResult.FAIL : RunResult.PASS;
    return with(first, gates, error ? 3 : blocked ? 1 : 0, result);
  }

  private static RunReport with(
      RunReport report, List<GateResult> gates, int exitCode, RunResult result) {
    return new RunReport(
        report.schemaVersion(),
        report.tool(),
        result,
        exitCode,
        report.layout(),
        report.migrationsDir(),
        report.projectPath(),
        report.migrations(),
        gates,
        report.tests(),
        report.error());
  }

  private static void checkComplete(Map<Path, RunReport> reports) {
    if (reports.values().stream().anyMatch(r -> r.result() == RunResult.ERROR)) {
      return;
    }
    Map<Integer, Path> byIndex = new TreeMap<>();
    MutationOutcome.Shard run = null;
    Path runFile = null;
    for (Map.Entry<Path, RunReport> report : reports.entrySet()) {
      MutationOutcome outcome = report.getValue().mutation();
      if (outcome == null) {
        continue;
      }
      Path file = report.getKey();
      MutationOutcome.Shard shard = outcome.shard();
      if (shard == null) {
        throw MigtestException.usage(
            file
                + " is the report of a whole run (or of a merge), not of one shard (--shard i/n):"
                + " merged with shards, its mutants would count twice.");
      }
      if (run == null) {
        run = shard;
        runFile = file;
      } else if (shard.count() != run.count() || !shard.run().equals(run.run())) {
        throw MigtestException.usage(
            file
                + " is shard "
                + shard.index()
                + "/"
                + shard.count()
                + " of another run than "
                + runFile
                + " (other migrations, tests or operators, or another number of shards).");
      }
      Path before = byIndex.put(shard.index(), file);
      if (before != null) {
        throw MigtestException.usage(
            "Shard "
                + shard.index()
                + "/"
                + shard.count()
                + " is there twice: "
                + before
                + " and "
                + file
                + ".");
      }
    }
    if (run == null) {
      return;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= run.count(); i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i + "/" + run.count());
      }
    }
    if (!missing.isEmpty()) {
      throw MigtestException.usage(
          "The reports of shard "
              + String.join(", ", missing)
              + " are missing: the merge would score part of the run's "
              + Plural.of(run.total(), "mutant")
              + " as all of them. Merge the reports of every shard (run a failed shard again).");
    }
  }

  private static MutationOutcome withSources(MutationOutcome o, Map<String, String> sources) {
    return new MutationOutcome(
        o.score(),
        o.threshold(),
        o.counts(),
        o.coveredScore(),
        o.scoreFromTests(),
        o.categories(),
        o.mutants(),
        o.shard(),
        sources);
  }

  /** The sources of a shard's Stryker report, or none when it has none. */
  private static Map<String, String> sources(Path strykerJson) throws IOException {
    Map<String, String> sources = new HashMap<>();
    if (!Files.isRegularFile(strykerJson, LinkOption.NOFOLLOW_LINKS)) {
      return sources;
    }
    JsonNode files = READER.readTree(bytes(strykerJson)).path("files");
    files
        .fields()
        .forEachRemaining(e -> sources.put(e.getKey(), e.getValue().path("source").asText("")));
    return sources;
  }

  private static byte[] bytes(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IOException("larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      return bytes;
    }
  }
}

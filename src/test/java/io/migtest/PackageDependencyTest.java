package io.migtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package picture of ARCHITECTURE.md, checked over the imports: data flows one way, so a
 * package may use only the packages listed for it (and the root package {@code io.migtest}).
 */
class PackageDependencyTest {
  private static final Path SOURCES = Path.of("src/main/java/io/migtest");
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?io\\.migtest\\.([a-z]+)\\.", Pattern.MULTILINE);

  private static final Set<String> EVERYTHING_BELOW_CLI =
      Set.of(
          "app",
          "config",
          "data",
          "db",
          "finding",
          "fs",
          "gate",
          "github",
          "history",
          "lint",
          "migration",
          "mutation",
          "oracle",
          "process",
          "perf",
          "report",
          "schema",
          "seed",
          "sql");

  private static final Map<String, Set<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("finding", Set.of()),
          Map.entry("process", Set.of()),
          Map.entry("fs", Set.of()),
          Map.entry("sql", Set.of("finding", "fs")),
          Map.entry("seed", Set.of()),
          Map.entry("schema", Set.of()),
          Map.entry("data", Set.of("sql")),
          Map.entry("perf", Set.of("db", "seed", "finding")),
          Map.entry("migration", Set.of("sql", "finding", "fs", "process")),
          Map.entry("db", Set.of("sql", "finding", "process", "fs")),
          Map.entry("oracle", Set.of("db", "sql", "finding", "process", "fs")),
          Map.entry("lint", Set.of("migration", "sql", "finding")),
          Map.entry(
              "mutation",
              Set.of(
                  "migration",
                  "sql",
                  "finding",
                  "db",
                  "history",
                  "oracle",
                  "schema",
                  "seed",
                  "data",
                  "perf")),
          Map.entry("history", Set.of("db", "migration", "sql", "finding")),
          Map.entry(
              "gate",
              Set.of(
                  "data",
                  "db",
                  "history",
                  "migration",
                  "mutation",
                  "oracle",
                  "lint",
                  "sql",
                  "finding",
                  "fs",
                  "perf",
                  "schema",
                  "seed")),
          Map.entry("config", Set.of("gate", "db", "migration", "fs")),
          Map.entry(
              "report", Set.of("gate", "oracle", "finding", "fs", "perf", "seed", "mutation")),
          Map.entry("github", Set.of("report", "gate", "finding")),
          Map.entry("app", EVERYTHING_BELOW_CLI),
          Map.entry("bench", EVERYTHING_BELOW_CLI),
          Map.entry("cli", union(EVERYTHING_BELOW_CLI, Set.of("bench"))));

  @Test
  void everyPackageUsesOnlyThePackagesItMay() throws IOException {
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        String pkg = relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
        Matcher imports = IMPORT.matcher(Files.readString(file));
        while (imports.find()) {
          String used = imports.group(1);
          boolean allowed =
              used.equals(pkg)
                  || (!pkg.isEmpty() && ALLOWED.getOrDefault(pkg, Set.of()).contains(used));
          if (!allowed) {
            violations.add(relative + " uses io.migtest." + used);
          }
        }
      }
    }
    assertThat(violations).as("package dependencies against the picture").isEmpty();
  }

  @Test
  void everyPackageHasARule() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()))
          .allMatch(ALLOWED::containsKey);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}

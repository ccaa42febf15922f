package io.migtest.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.packaging.Dockerfile.Instruction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the Dockerfile must keep, checked without a Docker engine (none runs in CI): what the
 * runner's plain {@code docker build} accepts, what the container action needs at run time
 * (ACTION-NOTES.md section 5, PRODUCT.md section 7), and what keeps the image safe to publish.
 */
class DockerfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Dockerfile dockerfile;
  private static int runtime;

  @BeforeAll
  static void read() throws IOException {
    dockerfile = Dockerfile.read(Path.of("Dockerfile"));
    runtime = dockerfile.lastStage();
  }

  @Test
  void isMultiStageWithTheJarBuiltByMavenOnJava17() {
    List<Instruction> froms = dockerfile.all("FROM");
    assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
    Instruction build = froms.get(0);
    assertThat(build.arguments()).matches("maven:\\S*17\\S* AS build");
    assertThat(froms.get(runtime).arguments())
        .as("a Debian or Ubuntu based Java 17 runtime")
        .matches("(eclipse-temurin:17-jre\\S*|debian:\\S+-slim)");
    assertThat(dockerfile.inStage(runtime, "COPY"))
        .anyMatch(c -> c.arguments().startsWith("--from=build ") && c.arguments().endsWith(".jar"));
  }

  @Test
  void dependenciesAreALayerOfTheirOwnBeforeTheSources() {
    List<Instruction> build =
        dockerfile.instructions().stream().filter(i -> i.stage() == 0).toList();
    int pom = indexOf(build, "COPY", "pom.xml");
    int offline = indexOf(build, "RUN", "dependency:go-offline");
    int sources = indexOf(build, "COPY", "src/");
    int packaging = indexOf(build, "RUN", " package");
    assertThat(pom).isNotNegative().isLessThan(offline);
    assertThat(offline).isLessThan(sources);
    assertThat(sources).isLessThan(packaging);
    assertThat(build.get(packaging).arguments()).contains("mvn -B").contains("skip");
  }

  @Test
  void usesNoSyntaxOnlyBuildKitUnderstands() {
    assertThat(dockerfile.lines())
        .as("no parser directive for a BuildKit frontend")
        .noneMatch(l -> l.strip().replace(" ", "").toLowerCase(Locale.ROOT).startsWith("#syntax="));
    for (Instruction i : dockerfile.instructions()) {
      assertThat(i.arguments()).as("heredoc in line %d", i.line()).doesNotContain("<<");
      if (i.is("RUN")) {
        assertThat(i.arguments()).as("RUN flags in line %d", i.line()).doesNotStartWith("--");
      }
      if (i.is("COPY") || i.is("ADD")) {
        // --chmod, --link, --parents, --exclude, --checksum and --keep-git-dir need BuildKit.
        for (String word : i.arguments().split("\\s+")) {
          if (word.startsWith("--")) {
            assertThat(word.replaceFirst("=.*", ""))
                .as("flag in line %d", i.line())
                .isIn("--from", "--chown");
          }
        }
      }
      assertThat(i.keyword())
          .as("instruction in line %d", i.line())
          .isIn(
              "FROM",
              "RUN",
              "COPY",
              "WORKDIR",
              "ENV",
              "ARG",
              "LABEL",
              "ENTRYPOINT",
              "CMD",
              "EXPOSE");
    }
  }

  @Test
  void runsAsRootWithoutAUserInstruction() {
    assertThat(dockerfile.all("USER")).isEmpty();
  }

  @Test
  void entrypointIsExecFormJavaRunningTheJarAndCmdIsTheAction() throws IOException {
    List<Instruction> entrypoints = dockerfile.inStage(runtime, "ENTRYPOINT");
    assertThat(entrypoints).hasSize(1);
    List<String> entrypoint = jsonArray(entrypoints.get(0));
    assertThat(entrypoint.get(0)).startsWith("/").endsWith("/bin/java");
    assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
        .containsExactly("-jar", "/app/migtest.jar");
    List<Instruction> cmds = dockerfile.inStage(runtime, "CMD");
    assertThat(cmds).hasSize(1);
    assertThat(jsonArray(cmds.get(0))).containsExactly("action");
  }

  @Test
  void theCdsArchiveIsTrainedOnTheSameJarPathTheEntrypointRuns() throws IOException {
    List<String> entrypoint = jsonArray(dockerfile.inStage(runtime, "ENTRYPOINT").get(0));
    String archive =
        entrypoint.stream()
            .filter(a -> a.startsWith("-XX:SharedArchiveFile="))
            .findFirst()
            .map(a -> a.substring("-XX:SharedArchiveFile=".length()))
            .orElseThrow();
    assertThat(entrypoint).contains("-Xshare:auto");
    String runs = dockerfile.runs(runtime);
    assertThat(runs).contains("-XX:ArchiveClassesAtExit=" + archive);
    assertThat(runs).contains("-jar /app/migtest.jar check");
  }

  @Test
  void runtimeInstallsOnlyWhatMigtestNeeds() {
    String runs = dockerfile.runs(runtime);
    Matcher install =
        Pattern.compile("apt-get install -y --no-install-recommends\\s+([a-z0-9 .+-]+?)\\s*&&")
            .matcher(runs);
    assertThat(install.find()).as("apt-get install --no-install-recommends").isTrue();
    assertThat(install.group(1).split("\\s+"))
        .containsExactlyInAnyOrder("ca-certificates", "git", "postgresql-client", "util-linux");
    assertThat(runs).contains("apt-get update").contains("rm -rf /var/lib/apt/lists/*");
    assertThat(runs).contains("command -v setpriv");
  }

  @Test
  void createsTheUnprivilegedAccountPostgresRunsAs() {
    assertThat(dockerfile.runs(runtime))
        .containsPattern("useradd --system [^&]*--shell /usr/sbin/nologin migtest");
  }

  @Test
  void trustsOnlyTheWorkspaceForGit() {
    String runs = dockerfile.runs(runtime);
    assertThat(runs).contains("git config --system --add safe.directory /github/workspace");
    assertThat(runs).doesNotContainPattern("safe\\.directory\\s+['\"]?\\*");
  }

  @Test
  void postgresBinariesAndAnInitializedClusterAreMadeAtBuildTimeAndNoSigningKeyIsBaked() {
    String runs = dockerfile.runs(runtime);
    assertThat(runs).contains("test -x /tmp/migtest-postgres-0/pg-*/bin/postgres");
    assertThat(runs)
        .as("the kept cluster moves first, beside the binaries, where migtest looks for it")
        .containsSubsequence(
            "test -s /tmp/migtest-postgres-0/pg-*.initdb/stamp",
            "mv /tmp/migtest-postgres-0/pg-*.initdb /opt/migtest/postgres.initdb",
            "mv /tmp/migtest-postgres-0/pg-* /opt/migtest/postgres");
    assertThat(runs)
        .as("the single-use copy: a folder of root's, data/ of the server's account")
        .containsSubsequence(
            "chown -R root:root /opt/migtest",
            "cp -a /opt/migtest/postgres.initdb /opt/migtest/postgres.single-use",
            "chmod 0755 /opt/migtest/postgres.single-use",
            "chown -R migtest:migtest /opt/migtest/postgres.single-use/data");
    assertThat(dockerfile.lines()).contains("ENV MIGTEST_POSTGRES_BINARIES=/opt/migtest/postgres");
    Matcher home = Pattern.compile("HOME=(\\S+)").matcher(runs);
    assertThat(home.find()).as("the training run has a home of its own").isTrue();
    String trainingHome = home.group(1);
    assertThat(runs)
        .as("the training's home, with the parse cache's signing key, is removed")
        .containsPattern(
            "rm -rf [^&]*("
                + Pattern.quote(trainingHome)
                + "|"
                + Pattern.quote(parent(trainingHome))
                + ")[ \\n&]");
  }

  @Test
  void copiesOnlyFilesTheContextHasAndDockerignoreKeepsOutBuildOutputAndGit() throws IOException {
    List<String> ignored =
        Files.readAllLines(Path.of(".dockerignore")).stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertThat(ignored).contains("target/", ".git/");
    for (Instruction copy : dockerfile.all("COPY")) {
      if (copy.arguments().startsWith("--from=")) {
        continue;
      }
      String[] words = copy.arguments().split("\\s+");
      for (int i = 0; i < words.length - 1; i++) {
        String source = words[i];
        assertThat(Path.of(source)).as("COPY source in line %d", copy.line()).exists();
        assertThat(ignored)
            .as("COPY source in line %d is not ignored", copy.line())
            .noneMatch(p -> source.startsWith(p.replaceFirst("/$", "")));
      }
    }
  }

  private static String parent(String path) {
    return path.substring(0, path.lastIndexOf('/'));
  }

  private static int indexOf(List<Instruction> instructions, String keyword, String text) {
    for (int i = 0; i < instructions.size(); i++) {
      if (instructions.get(i).is(keyword) && instructions.get(i).arguments().contains(text)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> jsonArray(Instruction instruction) throws IOException {
    assertThat(instruction.arguments())
        .as("exec form (a JSON array) in line %d", instruction.line())
        .startsWith("[");
    return JSON.readValue(instruction.arguments(), new TypeReference<List<String>>() {});
  }
}

package io.migtest.migration;

import static io.migtest.migration.Files.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.migtest.ExitCode;
import io.migtest.MigtestException;
import io.migtest.finding.Finding;
import io.migtest.process.ChildEnvironment;
import io.migtest.process.Commands;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Comparing the head with a base branch read through the git CLI, in a real repository. */
class GitBaseTest {
  @TempDir Path repo;

  static void git(Path dir, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@t",
                "-c",
                "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Map<String, String> env = ChildEnvironment.minimal(System.getenv());
    env.put("HOME", dir.toString());
    var result = Commands.run(command, dir, env, Duration.ofSeconds(30));
    assertThat(result.succeeded()).as(result.output()).isTrue();
  }

  @BeforeEach
  void baseBranch() throws IOException {
    git(repo, "init", "-q");
    write(repo, "app/db/migrations/V1__users.sql", "CREATE TABLE users (id int);");
    write(repo, "app/db/migrations/V5__orders.sql", "CREATE TABLE orders (id int);");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "tag", "base");
  }

  private MigrationComparison compare() {
    Path project = repo.resolve("app");
    SourceFolder head = new WorkingTreeFolder(project, project.resolve("db/migrations"));
    MigrationHistory headHistory = MigrationHistory.load(new FlywayLayout(), head);
    GitRepository git = GitRepository.find(project, System.getenv()).orElseThrow();
    String commit = git.resolveCommit("base");
    MigrationHistory base =
        MigrationHistory.load(
            new FlywayLayout(),
            new GitTreeFolder(git, commit, "app/db/migrations", "db/migrations"));
    return MigrationComparison.compare(headHistory, base, "base");
  }

  @Test
  void marksNewMigrationsAndAppliesOnlyThemOnTopOfTheBase() {
    write(repo, "app/db/migrations/V6__payments.sql", "CREATE TABLE payments (id int);");
    MigrationComparison c = compare();
    assertThat(c.base().migrations())
        .extracting(Migration::file)
        .containsExactly("db/migrations/V1__users.sql", "db/migrations/V5__orders.sql");
    assertThat(c.head().migrations()).extracting(c::isNew).containsExactly(false, false, true);
    assertThat(c.toApplyOnBase())
        .extracting(Migration::file)
        .containsExactly("db/migrations/V6__payments.sql");
    assertThat(c.findings()).isEmpty();
  }

  @Test
  void reportsAnEditedMigrationAndOneOlderThanTheBasesNewest() {
    write(repo, "app/db/migrations/V1__users.sql", "CREATE TABLE users (id bigint);");
    write(repo, "app/db/migrations/V3__late.sql", "SELECT 1;");
    MigrationComparison c = compare();
    assertThat(c.findings())
        .extracting(Finding::rule, Finding::file)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("edited-migration", "db/migrations/V1__users.sql"),
            org.assertj.core.groups.Tuple.tuple("out-of-order", "db/migrations/V3__late.sql"));
    assertThat(c.toApplyOnBase())
        .extracting(Migration::file)
        .containsExactly("db/migrations/V3__late.sql");
  }

  @Test
  void anUnknownRefIsAUsageError() {
    GitRepository git = GitRepository.find(repo, System.getenv()).orElseThrow();
    assertThatThrownBy(() -> git.resolveCommit("no-such-branch"))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("no-such-branch");
  }

  /** A clone of {@code repo} with only its newest commit, as actions/checkout makes by default. */
  private GitRepository shallowClone() throws IOException {
    write(repo, "app/db/migrations/V6__x.sql", "SELECT 1;");
    git(repo, "add", "-A");
    git(repo, "commit", "-q", "-m", "second");
    Path clone = repo.resolveSibling(repo.getFileName() + "-clone");
    git(repo.getParent(), "clone", "-q", "--depth=1", "file://" + repo, clone.toString());
    GitRepository shallow = GitRepository.find(clone, System.getenv()).orElseThrow();
    assertThat(shallow.isShallow()).isTrue();
    return shallow;
  }

  @Test
  void aShallowCloneFetchesTheBaseFromOrigin() throws IOException {
    assertThat(shallowClone().resolveCommit("base")).hasSize(40);
  }

  @Test
  void aRefOriginDoesNotHaveIsAUsageErrorInAShallowCloneToo() throws IOException {
    GitRepository shallow = shallowClone();
    assertThatThrownBy(() -> shallow.resolveCommit("origin/v9"))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessageContaining("'origin/v9'")
        .hasMessageContaining("origin has no branch or tag 'v9'")
        .hasMessageNotContaining("fetch-depth");
  }

  @Test
  void aShallowCloneThatCannotFetchSaysHowToCheckOutTheHistory() throws IOException {
    GitRepository shallow = shallowClone();
    git(shallow.root(), "remote", "set-url", "origin", "file://" + repo.resolve("gone"));
    assertThatThrownBy(() -> shallow.resolveCommit("base"))
        .isInstanceOfSatisfying(
            MigtestException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ENVIRONMENT))
        .hasMessageContaining("'base'")
        .hasMessageContaining("fetch-depth: 0");
  }
}

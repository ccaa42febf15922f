package io.migtest.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.SharedServer;
import io.migtest.gate.GateRunner;
import io.migtest.gate.Progress;
import io.migtest.report.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check service end to end, with an environment of the test's own. */
class CheckServiceTest {
  @TempDir Path project;
  @TempDir Path home;

  private List<String> run() {
    Config config =
        ConfigResolver.resolve(
            project,
            null,
            Map.of("HOME", home.toString(), "DATABASE_URL", SharedServer.url()),
            Map.of());
    List<String> steps = new ArrayList<>();
    Progress progress = steps::add;
    var outcome =
        new CheckService(GateRunner.standard(), List.of())
            .run(
                new Config(
                    config.projectDir(),
                    config.migrations(),
                    config.layout(),
                    config.tests(),
                    config.gates(),
                    config.base(),
                    project.resolve("migtest-report"),
                    config.databaseUrl(),
                    config.postgresImage(),
                    config.timeouts(),
                    config.testCommand(),
                    config.shard(),
                    config.runTimeout(),
                    config.initSql(),
                    config.setup(),
                    config.flywaySettings(),
                    config.golangMigrate(),
                    config.dbmateSettings(),
                    config.lintRules(),
                    config.environment()),
                progress);
    assertThat(outcome.report().result()).isEqualTo(RunResult.PASS);
    return steps;
  }

  @Test
  void anUnchangedRepositoryIsNotParsedAgain() throws Exception {
    Files.createDirectories(project.resolve("db/migrations"));
    Files.writeString(
        project.resolve("db/migrations/V1__a.sql"),
        "CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n");
    Files.writeString(project.resolve("db/migrations/V2__b.sql"), "ALTER TABLE a ADD b int;\n");
    assertThat(run()).contains("statements parsed: 3 (0 more known from the cache)");
    assertThat(project.resolve(".migtest/cache/parse.txt")).exists();
    assertThat(run()).contains("statements parsed: 0 (3 more known from the cache)");
    Files.writeString(project.resolve("db/migrations/V3__c.sql"), "ALTER TABLE a ADD c int;\n");
    assertThat(run()).contains("statements parsed: 1 (3 more known from the cache)");
  }
}

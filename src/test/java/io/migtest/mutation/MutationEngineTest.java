package io.migtest.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.migtest.app.ProjectLoader;
import io.migtest.config.Config;
import io.migtest.config.ConfigResolver;
import io.migtest.db.SharedServer;
import io.migtest.gate.DatabaseAccess;
import io.migtest.gate.GateContext;
import io.migtest.gate.Progress;
import io.migtest.migration.Migration;
import io.migtest.mutation.operators.Operators;
import io.migtest.oracle.SqlTests;
import io.migtest.sql.SqlScript;
import io.migtest.sql.TransactionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's re-print guard on a real PostgreSQL. */
class MutationEngineTest {
  @TempDir Path project;

  @Test
  void aStatementWhoseRePrintBuildsAnotherSchemaIsNotMutated() throws IOException, SQLException {
    Path file = project.resolve("migrations/1_t.up.sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "CREATE TABLE t (a int NOT NULL, b text NOT NULL);\n");
    Config config = ConfigResolver.resolve(project, null, Map.of(), Map.of());
    SqlTests tests =
        new SqlTests(
            List.of(
                SqlScript.of(
                    "db/tests/t.sql",
                    "-- migtest:expect-error 23502\nINSERT INTO t (a, b) VALUES (NULL, 'x');\n",
                    TransactionMode.AUTOCOMMIT)));
    try (GateContext context =
        GateContext.of(
            config.gates(),
            ProjectLoader.load(config),
            DatabaseAccess.of(SharedServer.get(), config.timeouts()),
            List.of(),
            List.of(tests),
            null,
            Progress.SILENT)) {
      List<Migration> fresh = context.migrations().toCheck();
      List<Mutant> mutants =
          new MutantGenerator(Operators.ALL, o -> o.id().equals("SCH_001")).generate(fresh);
      assertThat(mutants).hasSize(2);
      // Engines keep copies of states (savepoint isolation) until they are closed.
      try (MutationEngine engine = engine(context, fresh, tests);
          MutationEngine guarded = engine(context, fresh, tests)) {
        MutationEngine.Baseline baseline = engine.baseline().orElseThrow();

        engine.expect(mutants);
        assertThat(engine.run(mutants.get(0), baseline).status()).isEqualTo(MutantStatus.KILLED);

        Mutant faithless =
            withReprint(mutants.get(1), "CREATE TABLE t (a bigint NOT NULL, b text)");
        guarded.expect(List.of(faithless));
        MutantResult result = guarded.run(faithless, baseline);
        assertThat(result.status()).isEqualTo(MutantStatus.INVALID);
        assertThat(result.detail()).startsWith(MutationEngine.REPRINT_DIFFERS);
      }
    }
  }

  @Test
  void aMutantThatMakesTheSameStatementAsAnEarlierOneIsRunOnceAndTheOtherIgnored()
      throws IOException {
    Path file = project.resolve("migrations/1_t.up.sql");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "CREATE TABLE t (x int);\nDELETE FROM t WHERE x > 1 AND x > 1;\n");
    Config config = ConfigResolver.resolve(project, null, Map.of(), Map.of());
    List<Migration> fresh = ProjectLoader.load(config).toCheck();
    List<Mutant> mutants =
        new MutantGenerator(Operators.ALL, o -> o.id().equals("DAT_005")).generate(fresh);
    assertThat(mutants)
        .extracting(Mutant::mutated)
        .containsExactly("DELETE FROM t WHERE x > 1", "DELETE FROM t WHERE x > 1");
    MutationEngine engine =
        new MutationEngine(
            new MutationEngine.Setup(
                null, null, null, List.of(), fresh, null, List.of(), Set.of()));
    engine.expect(mutants);

    MutantResult second = engine.run(mutants.get(1), null);

    assertThat(second.status()).isEqualTo(MutantStatus.IGNORED);
    assertThat(second.detail())
        .isEqualTo("duplicate of mutant " + mutants.get(0).id() + ": the same mutated statement");
  }

  private static MutationEngine engine(GateContext context, List<Migration> fresh, SqlTests tests) {
    return new MutationEngine(
        new MutationEngine.Setup(
            context.database().server(),
            context.history(),
            context.database().runner(),
            List.of(),
            fresh,
            context.migrations().head().callbacks(),
            List.of(tests),
            context.historyTables()));
  }

  private static Mutant withReprint(Mutant m, String reprint) {
    return new Mutant(
        m.id(),
        m.operator(),
        m.migration(),
        m.part(),
        m.file(),
        m.line(),
        m.endLine(),
        m.endColumn(),
        m.statement(),
        m.original(),
        m.mutation(),
        m.tables(),
        m.excerpt(),
        reprint);
  }
}

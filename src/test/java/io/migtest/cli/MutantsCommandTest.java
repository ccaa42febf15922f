package io.migtest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.migtest.mutation.operators.Operators;
import org.junit.jupiter.api.Test;

/** {@code migtest mutants} as a user runs it. */
class MutantsCommandTest {
  @Test
  void listsEveryOperatorByCategoryWithItsSeverity() {
    CliRun run = CliRun.of("mutants");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("SCHEMA: constraints and types")
        .containsPattern("(?m)^  SCH_001\\s+CRITICAL\\s+Drop NOT NULL from a column definition$")
        .containsPattern("(?m)^  PRF_006\\s+LOW\\s+Remove batching")
        .contains("33 operators.");
    Operators.ALL.forEach(o -> assertThat(run.out()).contains("  " + o.id() + " "));
  }

  @Test
  void printsJsonForScripts() throws Exception {
    CliRun run = CliRun.of("mutants", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode operators = new ObjectMapper().readTree(run.out());
    assertThat(operators).hasSize(33);
    JsonNode rollback = operators.get(22);
    assertThat(rollback.get("id").asText()).isEqualTo("RBK_001");
    assertThat(rollback.get("category").asText()).isEqualTo("ROLLBACK");
    assertThat(rollback.get("severity").asText()).isEqualTo("CRITICAL");
    assertThat(rollback.get("part").asText()).isEqualTo("down");
    assertThat(rollback.get("killedBy").asText()).contains("rollback gate");
  }

  @Test
  void showsOneOperatorWithTheTestThatKillsItsMutants() {
    CliRun run = CliRun.of("mutants", "dat_001");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("DAT_001  DATA, CRITICAL, mutates up scripts\nUPDATE loses its WHERE\n")
        .contains("Killed by: a fixture row outside the WHERE");
  }

  @Test
  void anUnknownOperatorIsAUsageError() {
    CliRun run = CliRun.of("mutants", "SCH_999");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("No mutation operator `SCH_999`; `migtest mutants` lists them.");
  }
}

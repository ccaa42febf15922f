package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import org.junit.jupiter.api.Test;

/** Statements parsed once; what the cache knows is not parsed again until a check needs its AST. */
class ParsedScriptsTest {
  private static final SqlScript SCRIPT =
      SqlScript.of(
          "V1.sql",
          "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\nNOT SQL AT ALL;\n",
          TransactionMode.AUTOCOMMIT);

  @Test
  void eachDistinctStatementIsParsedOnceAndItsAstKept() {
    try (ParsedScripts parsed =
        ParsedScripts.start(List.of(SCRIPT), Map.of(), Duration.ofSeconds(2), 1, true)) {
      List<Statement> statements = SCRIPT.split().statements();
      assertThat(parsed.parsedNow()).isEqualTo(2);
      assertThat(parsed.knownFromCache()).isZero();
      assertThat(parsed.ast(statements.get(0))).containsInstanceOf(CreateTable.class);
      assertThat(parsed.outcome(statements.get(2)).parsed()).isFalse();
      assertThat(parsed.ast(statements.get(2))).isEmpty();
    }
  }

  @Test
  void outcomesFromTheCacheAreNotParsedAgainAndTheirAstIsRebuiltOnRequest() {
    Map<String, ParseOutcome> cached;
    try (ParsedScripts first =
        ParsedScripts.start(List.of(SCRIPT), Map.of(), Duration.ofSeconds(2), 1, true)) {
      cached = first.outcomes();
    }
    try (ParsedScripts again =
        ParsedScripts.start(List.of(SCRIPT), cached, Duration.ofSeconds(2), 1, true)) {
      assertThat(again.parsedNow()).isZero();
      assertThat(again.knownFromCache()).isEqualTo(2);
      assertThat(again.ast(SCRIPT.split().statements().get(0)))
          .containsInstanceOf(CreateTable.class);
    }
  }

  @Test
  void aRunThatKeepsNoTreesStillCountsParsesAndRebuildsAnAstOnRequest() {
    try (ParsedScripts parsed =
        ParsedScripts.start(List.of(SCRIPT), Map.of(), Duration.ofSeconds(2), 2, false)) {
      List<Statement> statements = SCRIPT.split().statements();
      assertThat(parsed.parsedNow()).isEqualTo(2);
      assertThat(parsed.outcome(statements.get(1)).parsed()).isTrue();
      assertThat(parsed.outcome(statements.get(2)).parsed()).isFalse();
      assertThat(parsed.ast(statements.get(1))).containsInstanceOf(CreateTable.class);
    }
  }
}

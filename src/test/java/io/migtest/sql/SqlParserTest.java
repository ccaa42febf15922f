package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import org.junit.jupiter.api.Test;

class SqlParserTest {

  @Test
  void keepsTheAstOfStatementsItParsesAndTheReasonForOthers() {
    try (SqlParser parser = new SqlParser(Duration.ofSeconds(5))) {
      ParsedStatement index =
          parser.parse(new Statement("CREATE INDEX CONCURRENTLY i ON t (a) WHERE a > 0", 1, 1));
      assertThat(index.ast()).isInstanceOf(CreateIndex.class);
      assertThat(((CreateIndex) index.ast()).isConcurrently()).isTrue();

      ParsedStatement odd =
          parser.parse(new Statement("CREATE AGGREGATE mystery ( nonsense ;;", 1, 1));
      assertThat(odd.parsed()).isFalse();
      assertThat(odd.parseFailure()).isNotBlank();
    }
  }

  @Test
  void doesNotParseHugeStatements() {
    try (SqlParser parser = new SqlParser(Duration.ofSeconds(5))) {
      String huge = "INSERT INTO t VALUES " + "(1),".repeat(60_000) + "(1)";
      ParsedStatement parsed = parser.parse(new Statement(huge, 1, 1));
      assertThat(parsed.parsed()).isFalse();
      assertThat(parsed.parseFailure()).contains("not parsed");
    }
  }

  @Test
  void givesUpOnAStatementThatTakesLongerThanTheLimit() {
    String slow =
        "SELECT "
            + "(".repeat(30)
            + "1"
            + ")".repeat(30)
            + " FROM t WHERE "
            + "a = 1 AND ".repeat(300)
            + "b = 2";
    try (SqlParser parser = new SqlParser(Duration.ofMillis(1))) {
      ParsedStatement parsed = parser.parse(new Statement(slow, 1, 1));
      assertThat(parsed.parsed()).isFalse();
      assertThat(parsed.parseFailure()).isEqualTo("JSqlParser took longer than 1 ms, not parsed");
    }
    try (SqlParser parser = new SqlParser(Duration.ofSeconds(30))) {
      assertThat(parser.parse(new Statement(slow, 1, 1)).parsed()).as("parses given time").isTrue();
    }
  }
}

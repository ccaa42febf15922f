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
}

package io.migtest.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which transaction blocks run as savepoints inside an open transaction, and as what. */
class TransactionBlocksTest {
  @Test
  void plainBlocksBecomeSavepointsAndTheRestIsKept() {
    assertThat(
            TransactionBlocks.asSavepoints(
                statements(
                    "BEGIN;\nCREATE TABLE t (v int);\nCOMMIT;\n"
                        + "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\nSELECT 1;\n"
                        + "SAVEPOINT mine;\nROLLBACK TO SAVEPOINT mine;\nROLLBACK;\n")))
        .hasValueSatisfying(
            blocks -> {
              assertThat(blocks.sql())
                  .extracting(String::strip)
                  .containsExactly(
                      "SAVEPOINT migtest_block",
                      "CREATE TABLE t (v int)",
                      TransactionBlocks.DEFERRED_CHECK + "; RELEASE SAVEPOINT migtest_block",
                      "SAVEPOINT migtest_block",
                      "SELECT 1",
                      "SAVEPOINT mine",
                      "ROLLBACK TO SAVEPOINT mine",
                      "ROLLBACK TO SAVEPOINT migtest_block");
              assertThat(blocks.leftOpen()).isFalse();
            });
  }

  @Test
  void aBlockLeftOpenIsSaidSoAndOtherShapesDoNotRunAsSavepoints() {
    assertThat(TransactionBlocks.asSavepoints(statements("BEGIN;\nSELECT 1;\n")))
        .hasValueSatisfying(blocks -> assertThat(blocks.leftOpen()).isTrue());
    assertThat(TransactionBlocks.asSavepoints(statements("SELECT 1;\nCOMMIT;\n")))
        .as("a COMMIT without a block")
        .isEmpty();
    assertThat(TransactionBlocks.asSavepoints(statements("BEGIN;\nBEGIN;\nCOMMIT;\n")))
        .as("nested")
        .isEmpty();
    assertThat(TransactionBlocks.asSavepoints(statements("BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\n")))
        .isEmpty();
    assertThat(TransactionBlocks.asSavepoints(statements("BEGIN;\nPREPARE TRANSACTION 'x';\n")))
        .isEmpty();
  }

  private static List<Statement> statements(String sql) {
    return StatementSplitter.split("s.sql", sql, 1).statements();
  }
}

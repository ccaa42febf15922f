package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/** RBK_002: one data-restoring statement (INSERT, UPDATE, DELETE, MERGE) of a down is deleted. */
final class DeleteDownDml extends AstOperator {
  DeleteDownDml() {
    super(
        "RBK_002",
        Category.ROLLBACK,
        Impact.CRITICAL,
        "Delete one data-restoring DML statement from the down script",
        "the data gate: after the down, the tables do not hold the rows they held before");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return Dml.changesData(ast)
        ? List.of(Edit.removal("`" + Dml.label(ast) + " ...` deleted from the down script"))
        : List.of();
  }
}

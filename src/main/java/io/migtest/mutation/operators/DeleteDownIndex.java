package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

/** RBK_004: an index the down script (re-)creates is deleted. */
final class DeleteDownIndex extends AstOperator {
  DeleteDownIndex() {
    super(
        "RBK_004",
        Category.ROLLBACK,
        Impact.MEDIUM,
        "Delete an index (re-)creation from the down script",
        "the rollback gate: the index is missing after up and down");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return ast instanceof CreateIndex index
        ? List.of(Edit.removal("`CREATE INDEX " + index.getIndex().getName() + "` deleted"))
        : List.of();
  }
}

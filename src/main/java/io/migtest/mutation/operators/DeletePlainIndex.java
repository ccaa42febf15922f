package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;

/** PRF_005: a non-unique {@code CREATE INDEX} is deleted. */
final class DeletePlainIndex extends AstOperator {
  DeletePlainIndex() {
    super(
        "PRF_005",
        Category.PERFORMANCE,
        Impact.MEDIUM,
        "Delete a non-unique CREATE INDEX",
        "a test of the index (pgTAP has_index), or the plan of a query that needs it");
  }

  @Override
  List<Edit> edits(Statement ast) {
    return ast instanceof CreateIndex index && index.getIndex().getType() == null
        ? List.of(Edit.removal("`CREATE INDEX " + index.getIndex().getName() + "` deleted"))
        : List.of();
  }
}

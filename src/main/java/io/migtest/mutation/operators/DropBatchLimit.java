package io.migtest.mutation.operators;

import io.migtest.mutation.Category;
import io.migtest.mutation.Impact;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.update.Update;

/**
 * PRF_006: a batched UPDATE or DELETE ({@code WHERE id IN (SELECT ... LIMIT n)}) loses its LIMIT
 * and changes every row in one statement.
 */
final class DropBatchLimit extends AstOperator {
  DropBatchLimit() {
    super(
        "PRF_006",
        Category.PERFORMANCE,
        Impact.LOW,
        "Remove batching: drop the LIMIT of WHERE ... IN (SELECT ... LIMIT n)",
        "the performance gate's WAL bytes and rows per statement against the baseline");
  }

  @Override
  List<Edit> edits(Statement ast) {
    List<Edit> edits = new ArrayList<>();
    if (!(ast instanceof Update || ast instanceof Delete)) {
      return edits;
    }
    for (Conditions.Node node : Dml.whereNodes(ast)) {
      if (node.expression() instanceof InExpression in
          && in.getRightExpression() instanceof ParenthesedSelect batch) {
        Select inner = batch.getLimit() != null ? batch : batch.getSelect();
        if (inner != null && inner.getLimit() != null) {
          edits.add(
              Edit.of(
                  "`" + inner.getLimit().toString().strip() + "` of the batch dropped",
                  () -> inner.setLimit(null)));
        }
      }
    }
    return edits;
  }
}
